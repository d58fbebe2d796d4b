using System.Xml.Linq;
using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// Reads a legacy e-invoice of the edrm schema (root <c>eInvoice</c>, namespace
/// <c>http://www.edrm.org.cn/schema/e-invoice/2019</c>), as OFD files attach it in
/// <c>original_invoice.xml</c>. The type comes from the QR content it carries (<c>GraphCode</c>),
/// else from the code's kind; the QR content must agree with the fields it repeats.
/// </summary>
internal static class EdrmInvoiceReader
{
    public const string RootName = "eInvoice";

    public static InvoiceDraft Read(XElement root, List<Problem> problems)
    {
        var draft = InvoiceFieldMap.Read(root, (element, _) => element.Value, problems);
        var qr = root.Element("GraphCode")?.Value;
        draft.Type = OfdInvoiceTypes.FromQr(qr) ?? OfdInvoiceTypes.FromLegacyCode(draft.Code);
        CheckQr(qr, draft, problems);
        return draft;
    }

    /// <summary>The QR content (<c>version,type,code,number,amount,date,checkCode,…</c>) against the fields: a file that says two things is refused.</summary>
    private static void CheckQr(string? qr, InvoiceDraft draft, List<Problem> problems)
    {
        var fields = qr?.Split(',');
        if (fields is not { Length: >= 7 })
        {
            return;
        }

        var date = draft.IssueDate?.Replace("-", "", StringComparison.Ordinal);
        var amountsDiffer = Amounts.TryParseMoney(fields[4].Trim(), out var qrAmount) && Amounts.TryParseMoney(draft.Amount, out var amount) && qrAmount != amount;
        var differing = new[]
        {
            Differs("code", fields[2], draft.Code),
            Differs("number", fields[3], draft.Number),
            amountsDiffer ? "amount" : null,
            Differs("issueDate", fields[5], date),
            Differs("checkCode", fields[6], draft.CheckCode),
        }.OfType<string>().ToList();
        if (differing.Count > 0)
        {
            problems.Add(Problem.Error(ErrorCodes.XmlInconsistent, differing[0], $"The QR content in GraphCode disagrees with the invoice's {string.Join(", ", differing)}."));
        }
    }

    private static string? Differs(string field, string fromQr, string? fromFields) =>
        fromQr.Trim() is { Length: > 0 } q && fromFields is not null && !string.Equals(q, fromFields, StringComparison.Ordinal) ? field : null;
}
