using SkiaSharp;
using ZXing;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace Fapiao.Formats.Tests.Support;

/// <summary>
/// Draws QR codes the way an invoice carries them (ZXing encodes, SkiaSharp draws), then spoils
/// them the way phones and scanners do: rotation, low contrast, noise, scaling, JPEG.
/// </summary>
internal static class QrImages
{
    /// <summary>The modules of the QR code of <paramref name="text"/>, without a quiet zone (error correction M, as invoices use).</summary>
    public static ZXing.Common.BitMatrix Modules(string text)
    {
        var hints = new Dictionary<EncodeHintType, object>
        {
            [EncodeHintType.ERROR_CORRECTION] = ErrorCorrectionLevel.M,
            [EncodeHintType.MARGIN] = 0,
            [EncodeHintType.CHARACTER_SET] = "UTF-8",
        };
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    /// <summary>Black modules of <paramref name="module"/> pixels on white, with a quiet zone of <paramref name="quietModules"/> modules.</summary>
    public static SKBitmap Render(string text, int module = 6, int quietModules = 4)
    {
        var matrix = Modules(text);
        var side = (matrix.Width + (2 * quietModules)) * module;
        var bitmap = new SKBitmap(side, side, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var black = new SKPaint { Color = SKColors.Black };
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y])
                {
                    canvas.DrawRect((x + quietModules) * module, (y + quietModules) * module, module, module, black);
                }
            }
        }

        return bitmap;
    }

    /// <summary>Turned by <paramref name="degrees"/> about the centre onto a white page large enough to hold it.</summary>
    public static SKBitmap Rotate(SKBitmap source, float degrees)
    {
        var radians = degrees * MathF.PI / 180;
        var cos = MathF.Abs(MathF.Cos(radians));
        var sin = MathF.Abs(MathF.Sin(radians));
        var width = (int)MathF.Ceiling((source.Width * cos) + (source.Height * sin));
        var height = (int)MathF.Ceiling((source.Width * sin) + (source.Height * cos));
        return Draw(width, height, SKColors.White, canvas =>
        {
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-source.Width / 2f, -source.Height / 2f);
            canvas.DrawBitmap(source, 0, 0, new SKPaint { IsAntialias = true });
        });
    }

    /// <summary>Black becomes <paramref name="dark"/> and white <paramref name="light"/> (grey levels): a washed-out scan.</summary>
    public static SKBitmap Contrast(SKBitmap source, byte dark, byte light) => Map(source, v => (byte)(dark + (v * (light - dark) / 255)));

    /// <summary>Swaps black and white, as a code printed light on dark.</summary>
    public static SKBitmap Invert(SKBitmap source) => Map(source, v => (byte)(255 - v));

    /// <summary>Adds uniform noise of ±<paramref name="amplitude"/> grey levels to every pixel, reproducibly.</summary>
    public static SKBitmap Noise(SKBitmap source, int amplitude, int seed = 7)
    {
        var random = new Random(seed);
        return Map(source, v => (byte)Math.Clamp(v + random.Next(-amplitude, amplitude + 1), 0, 255));
    }

    public static SKBitmap Scale(SKBitmap source, double factor)
    {
        var info = new SKImageInfo((int)(source.Width * factor), (int)(source.Height * factor), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The code placed at (<paramref name="x"/>, <paramref name="y"/>) on a white page of the given size: a small code on a large scan.</summary>
    public static SKBitmap OnPage(SKBitmap code, int width, int height, int x, int y) =>
        Draw(width, height, SKColors.White, canvas => canvas.DrawBitmap(code, x, y));

    public static byte[] Png(SKBitmap bitmap) => Encode(bitmap, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(SKBitmap bitmap, int quality) => Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    private static SKBitmap Draw(int width, int height, SKColor background, Action<SKCanvas> draw)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background);
        draw(canvas);
        return bitmap;
    }

    /// <summary>Applies <paramref name="map"/> to the grey level of every pixel (the images here are grey).</summary>
    private static SKBitmap Map(SKBitmap source, Func<byte, byte> map)
    {
        var result = source.Copy(SKColorType.Rgba8888);
        var pixels = result.GetPixelSpan().ToArray();
        for (var p = 0; p < pixels.Length; p += 4)
        {
            var v = map(pixels[p]);
            pixels[p] = pixels[p + 1] = pixels[p + 2] = v;
            pixels[p + 3] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, result.GetPixels(), pixels.Length);
        return result;
    }
}
