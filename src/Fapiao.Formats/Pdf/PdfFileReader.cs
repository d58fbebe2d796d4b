using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// A PDF e-invoice: one file, one submission. The QR code gives the key (no QR code, no
/// submission: <c>qr.notFound</c>); the text, when the fonts give any, adds the rest, and a field
/// both give must agree (<c>pdf.qrTextMismatch</c>).
/// </summary>
internal sealed class PdfFileReader : IFileReader
{
    public InputFormat Format => InputFormat.Pdf;

    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    public IEnumerable<Submission> Read(Stream stream, string name, SubmissionReader submissions)
    {
        var file = WholeFile.Read(stream);
        if (file.TooLarge)
        {
            yield return file.TooLargeSubmission(name);
            yield break;
        }

        var problems = new List<Problem>();
        var draft = Draft(file.Bytes, submissions, problems, out var page);
        // The place in the kept original: the page the QR code (the invoice's key) was read from.
        yield return submissions.FromFile(name, file.Bytes, draft, problems, page is { } p ? $"page:{p}" : null);
    }

    private static InvoiceDraft? Draft(byte[] file, SubmissionReader submissions, List<Problem> problems, out int? page)
    {
        page = null;
        if (PdfContent.Read(file, problems) is not { } content)
        {
            return null;
        }

        page = content.QrPage;

        if (content.Qr is null)
        {
            problems.Add(Problem.Error(ErrorCodes.QrNotFound, "$", "No QR code was found in the PDF's images; the QR code is what identifies the invoice."));
            return null;
        }

        if (submissions.ParseQr(content.Qr, problems) is not { } qr)
        {
            return null;
        }

        var text = PdfInvoiceText.Parse(content.Lines.Select(l => l.Text));
        if (!text.IsInvoiceText)
        {
            return qr;
        }

        var draft = QrTextMerge.Merge(qr, text, problems);
        draft.Lines = PdfInvoiceLines.Parse(content.Lines, text.Amount, text.Tax);
        return draft;
    }
}
