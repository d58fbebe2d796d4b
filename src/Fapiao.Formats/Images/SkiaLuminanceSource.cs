using System.Runtime.InteropServices;
using SkiaSharp;
using ZXing;

namespace Fapiao.Formats.Images;

/// <summary>
/// ZXing's view of a SkiaSharp bitmap: one luminance byte a pixel. Pixels are composited over
/// white, as a QR code with an alpha channel is printed on paper.
/// </summary>
internal sealed class SkiaLuminanceSource : BaseLuminanceSource
{
    public SkiaLuminanceSource(SKBitmap bitmap)
        : base(bitmap.Width, bitmap.Height)
    {
        var width = bitmap.Width;
        var row = new byte[width * 4];
        var rowInfo = new SKImageInfo(width, 1, SKColorType.Rgba8888, SKAlphaType.Premul);
        var handle = GCHandle.Alloc(row, GCHandleType.Pinned);
        try
        {
            using var pixmap = bitmap.PeekPixels();
            for (var y = 0; y < bitmap.Height; y++)
            {
                // Reading a row at a time converts any colour type without a second full-size copy.
                if (!pixmap.ReadPixels(rowInfo, handle.AddrOfPinnedObject(), row.Length, 0, y))
                {
                    Array.Fill(row, (byte)255);
                }

                for (int x = 0, p = 0, i = y * width; x < width; x++, p += 4, i++)
                {
                    // Premultiplied colour over white is colour + (255 - alpha).
                    var luminance = ((RChannelWeight * row[p]) + (GChannelWeight * row[p + 1]) + (BChannelWeight * row[p + 2])) >> ChannelWeight;
                    luminances[i] = (byte)Math.Min(255, luminance + 255 - row[p + 3]);
                }
            }
        }
        finally
        {
            handle.Free();
        }
    }

    private SkiaLuminanceSource(byte[] luminances, int width, int height)
        : base(luminances, width, height)
    {
    }

    protected override LuminanceSource CreateLuminanceSource(byte[] newLuminances, int width, int height) =>
        new SkiaLuminanceSource(newLuminances, width, height);
}
