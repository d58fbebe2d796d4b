using System.Xml.Linq;
using Fapiao.Formats.Ofd;
using Fapiao.Validation;

namespace Fapiao.Formats.Xml;

/// <summary>The invoice XML vocabularies this version reads, told apart by their root element's local name.</summary>
internal static class InvoiceXml
{
    /// <summary>A draft from a known root (数电 <c>EInvoice</c>, edrm <c>eInvoice</c>, XBRL <c>xbrl</c>); null for any other root.</summary>
    public static InvoiceDraft? Read(XElement root, List<Problem> problems) => root.Name.LocalName switch
    {
        ShudianXmlReader.RootName => ShudianXmlReader.Read(root, problems),
        EdrmInvoiceReader.RootName => EdrmInvoiceReader.Read(root, problems),
        XbrlInvoiceReader.RootName => XbrlInvoiceReader.Read(root, problems),
        _ => null,
    };

    /// <summary>Reads a whole XML file holding one invoice; an unknown root is <c>xml.rootUnknown</c>.</summary>
    public static InvoiceDraft? ReadFile(ReadOnlySpan<byte> bytes, List<Problem> problems)
    {
        if (SafeXml.Load(bytes, "$", problems) is not { } root)
        {
            return null;
        }

        if (Read(root, problems) is { } draft)
        {
            return draft;
        }

        problems.Add(Problem.Error(ErrorCodes.XmlRootUnknown, "$", $"The XML's root element <{TextLimits.Printable(root.Name.LocalName)}> is not an invoice this version reads (EInvoice, eInvoice, xbrl)."));
        return null;
    }
}
