using Fapiao.Formats.Images;
using SkiaSharp;
using UglyToad.PdfPig.Content;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// Some issuing software draws the QR code as filled rectangles rather than an image. PdfPig
/// does not render pages, so the page's dark filled rectangles are drawn here onto a white
/// bitmap (text and strokes left out) and searched like a scan.
/// </summary>
internal static class VectorQr
{
    /// <summary>A page's longer side in pixels: a 2 cm code on A4 gets about 5 pixels a module.</summary>
    private const int PageSide = 1600;

    /// <summary>More filled rectangles than a large QR code has modules is not a page worth drawing.</summary>
    private const int MaxRectangles = 40_000;

    public static string? Find(Page page)
    {
        var rectangles = page.Paths
            .Where(p => p.IsFilled && !p.IsClipping && IsDark(p))
            .SelectMany(p => p)
            .Where(s => s.IsDrawnAsRectangle)
            .Take(MaxRectangles + 1)
            .Select(s => s.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .ToList();
        if (rectangles.Count is 0 or > MaxRectangles || page.Width <= 0 || page.Height <= 0)
        {
            return null;
        }

        var scale = PageSide / Math.Max(page.Width, page.Height);
        using var bitmap = new SKBitmap((int)Math.Ceiling(page.Width * scale), (int)Math.Ceiling(page.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        using (var black = new SKPaint { Color = SKColors.Black, IsAntialias = false })
        {
            canvas.Clear(SKColors.White);
            foreach (var r in rectangles)
            {
                // PDF space grows upwards from the bottom left; the bitmap downwards from the top left.
                canvas.DrawRect((float)(r.Left * scale), (float)((page.Height - r.Top) * scale), (float)(r.Width * scale), (float)(r.Height * scale), black);
            }
        }

        return QrImageDecoder.Find(bitmap);
    }

    private static bool IsDark(UglyToad.PdfPig.Graphics.PdfPath path)
    {
        if (path.FillColor is null)
        {
            return true;
        }

        var (r, g, b) = path.FillColor.ToRGBValues();
        return (0.299 * r) + (0.587 * g) + (0.114 * b) < 0.5;
    }
}
