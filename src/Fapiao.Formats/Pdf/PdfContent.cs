using Fapiao.Formats.Images;
using Fapiao.Validation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Fapiao.Formats.Pdf;

/// <summary>What a PDF e-invoice holds for the ledger: its text lines as extracted and the text of its QR code.</summary>
internal sealed record PdfContent(IReadOnlyList<PdfTextLine> Lines, string? Qr)
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
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                lines.AddRange(TextLines(page));
                qr ??= FindQr(page);
            }

            return new PdfContent(lines, qr);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damage, encryption and unsupported features with many exception types; all mean the same here.
            problems.Add(Problem.Error(ErrorCodes.PdfUnreadable, "$", $"The PDF cannot be read: {ex.Message}"));
            return null;
        }
    }

    /// <summary>The page's words grouped into lines by baseline, left to right.</summary>
    private static IEnumerable<PdfTextLine> TextLines(Page page) =>
        page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3.0))
            .OrderByDescending(g => g.Key)
            .Select(g => new PdfTextLine(g.OrderBy(w => w.BoundingBox.Left).Select(w => new PdfWord(w.Text, w.BoundingBox.Left, w.BoundingBox.Right)).ToList()));

    private static string? FindQr(Page page)
    {
        foreach (var image in page.GetImages().Take(PdfLimits.MaxImagesPerPage))
        {
            if (!ImageLimits.Allows(image.WidthInSamples, image.HeightInSamples))
            {
                continue;
            }

            var encoded = image.TryGetPng(out var png) ? png : ImageFiles.IsJpeg(image.RawBytes) ? image.RawBytes.ToArray() : null;
            if (encoded is not null && QrImageDecoder.Decode(encoded, "pdf").Text is { } text)
            {
                return text;
            }
        }

        return null;
    }
}
