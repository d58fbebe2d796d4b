using Fapiao.Formats.Images;
using Fapiao.Validation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Fapiao.Formats.Pdf;

/// <summary>What a PDF e-invoice holds for the ledger: its text lines as extracted, the text of its QR code and the page it is on.</summary>
internal sealed record PdfContent(IReadOnlyList<PdfTextLine> Lines, string? Qr, int? QrPage = null)
{
    /// <summary>Reads the PDF, or returns null with a problem when it cannot be read within the limits.</summary>
    public static PdfContent? Read(byte[] file, List<Problem> problems)
    {
        try
        {
            using var document = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = BoundedFilterProvider.Instance });
            if (document.NumberOfPages > PdfLimits.MaxPages)
            {
                problems.Add(Problem.Error(ErrorCodes.PdfTooManyPages, "$", $"The PDF has {document.NumberOfPages} pages; an e-invoice has at most {PdfLimits.MaxPages}."));
                return null;
            }

            var lines = new List<PdfTextLine>();
            string? qr = null;
            string? otherCode = null;
            int? qrPage = null, otherPage = null;
            var images = new ImageBudget();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                lines.AddRange(TextLines(page));
                // A page may carry other codes (a payment code, the issuer's web site) besides the invoice's.
                foreach (var code in qr is null ? QrCodes(page, images) : [])
                {
                    if (LooksLikeInvoiceQr(code))
                    {
                        qr = code;
                        qrPage = number;
                        break;
                    }

                    otherPage ??= number;
                    otherCode ??= code;
                }

                if (qr is null && VectorQr.Find(page) is { } drawn)
                {
                    qr = LooksLikeInvoiceQr(drawn) ? drawn : null;
                    qrPage = qr is null ? null : number;
                    otherPage ??= number;
                    otherCode ??= drawn;
                }
            }

            return qr is null ? new PdfContent(lines, otherCode, otherCode is null ? null : otherPage) : new PdfContent(lines, qr, qrPage);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damage, encryption and unsupported features with many exception types; all mean the same here.
            problems.Add(Problem.Error(ErrorCodes.PdfUnreadable, "$", $"The PDF cannot be read: {ex.Message}"));
            return null;
        }
    }

    /// <summary>
    /// The page's words grouped into lines, top to bottom, each left to right: a word joins the line
    /// above when its baseline is within 2 points of that line's first word.
    /// </summary>
    private static List<PdfTextLine> TextLines(Page page)
    {
        var lines = new List<List<Word>>();
        foreach (var word in page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderByDescending(w => w.BoundingBox.Bottom))
        {
            if (lines.Count > 0 && lines[^1][0].BoundingBox.Bottom - word.BoundingBox.Bottom <= 2)
            {
                lines[^1].Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        return lines.Select(l => new PdfTextLine(l.OrderBy(w => w.BoundingBox.Left).Select(w => new PdfWord(w.Text, w.BoundingBox.Left, w.BoundingBox.Right)).ToList())).ToList();
    }

    /// <summary>Invoice QR content starts with the two-digit version and a comma (<c>01,</c>).</summary>
    private static bool LooksLikeInvoiceQr(string text) => text.Length > 3 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && text[2] == ',';

    /// <summary>The text of every QR code in the page's images (within the document's budget), decoded as they are asked for.</summary>
    private static IEnumerable<string> QrCodes(Page page, ImageBudget budget)
    {
        foreach (var image in page.GetImages())
        {
            if (budget.Left-- <= 0)
            {
                yield break;
            }

            if (!ImageLimits.Allows(image.WidthInSamples, image.HeightInSamples) || (long)image.WidthInSamples * image.HeightInSamples > PdfLimits.MaxImagePixels)
            {
                continue;
            }

            var encoded = image.TryGetPng(out var png) ? png : ImageFiles.IsJpeg(image.RawBytes) ? image.RawBytes.ToArray() : null;
            if (encoded is not null && QrImageDecoder.Decode(encoded).Text is { } text)
            {
                yield return text;
            }
        }
    }

    /// <summary>How many more images of the document may be decoded.</summary>
    private sealed class ImageBudget
    {
        public int Left { get; set; } = PdfLimits.MaxImages;
    }
}
