using System.Xml.Linq;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// Reads a legacy e-invoice of the edrm schema (root <c>eInvoice</c>, namespace
/// <c>http://www.edrm.org.cn/schema/e-invoice/2019</c>), as OFD files attach it in
/// <c>original_invoice.xml</c>. The type comes from the QR content it carries (<c>GraphCode</c>),
/// else from the code's kind.
/// </summary>
internal static class EdrmInvoiceReader
{
    public const string RootName = "eInvoice";

    public static InvoiceDraft Read(XElement root, List<Problem> problems)
    {
        var draft = InvoiceFieldMap.Read(root, (element, _) => element.Value, problems);
        draft.Type = OfdInvoiceTypes.FromQr(root.Element("GraphCode")?.Value) ?? OfdInvoiceTypes.FromLegacyCode(draft.Code);
        return draft;
    }
}
