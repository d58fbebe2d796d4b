using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// One draft from a PDF's two sources: the QR code gives the key, type, date, check code and one
/// amount; the text adds the parties and the other amounts. A field both give must agree, else
/// the PDF is rejected naming the field: which of the two is right is not for the reader to guess.
/// </summary>
internal static class QrTextMerge
{
    public static InvoiceDraft Merge(InvoiceDraft qr, PdfInvoiceText text, List<Problem> problems)
    {
        Same(problems, "number", qr.Number, text.Number);
        Same(problems, "code", qr.Code, text.Code);
        Same(problems, "issueDate", qr.IssueDate, text.IssueDate);
        Same(problems, "checkCode", qr.CheckCode, text.CheckCode);
        SameMoney(problems, "amount", qr.Amount, text.Amount);
        SameMoney(problems, "total", qr.Total, text.Total);

        qr.Seller = Party(text.SellerTaxId, text.SellerName);
        qr.Buyer = Party(text.BuyerTaxId, text.BuyerName);
        qr.Amount ??= text.Amount;
        qr.Tax = text.Tax;
        qr.Total ??= text.Total;
        return qr;
    }

    private static PartyDraft? Party(string? taxId, string? name) =>
        taxId is null && name is null ? null : new PartyDraft { TaxId = taxId, Name = name };

    private static void Same(List<Problem> problems, string field, string? qr, string? text)
    {
        if (qr is not null && text is not null && !string.Equals(qr, text, StringComparison.Ordinal))
        {
            problems.Add(Mismatch(field, qr, text));
        }
    }

    /// <summary>Amounts agree when equal as numbers: the QR code writes 4449.00, the text may write 4449.0 or 4,449.00.</summary>
    private static void SameMoney(List<Problem> problems, string field, string? qr, string? text)
    {
        if (qr is null || text is null)
        {
            return;
        }

        if (!Amounts.TryParseMoney(qr, out var q) || !Amounts.TryParseMoney(text, out var t) || q != t)
        {
            problems.Add(Mismatch(field, qr, text));
        }
    }

    private static Problem Mismatch(string field, string qr, string text) =>
        Problem.Error(ErrorCodes.PdfQrTextMismatch, field, $"The QR code says {qr}, the printed text says {text}.");
}
