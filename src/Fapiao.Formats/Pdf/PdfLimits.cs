namespace Fapiao.Formats.Pdf;

/// <summary>How much of a PDF is looked at: an e-invoice has one or two pages and one QR code.</summary>
internal static class PdfLimits
{
    public const int MaxPages = 10;

    /// <summary>
    /// Images examined for a QR code in the whole document (logos and seals come first on some
    /// layouts): a search without a code costs up to a few seconds an image.
    /// </summary>
    public const int MaxImages = 8;

    /// <summary>
    /// Pixels of an image in a PDF that is decoded in search of a QR code: a page scanned at 300 dpi
    /// is 8.7 megapixels. PdfPig decodes in managed memory, and the CLI's heap is bounded.
    /// </summary>
    public const long MaxImagePixels = 10_000_000;
}
