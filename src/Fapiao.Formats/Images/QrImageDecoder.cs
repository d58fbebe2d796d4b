using Fapiao.Validation;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Fapiao.Formats.Images;

/// <summary>
/// Finds the QR code in an image as a phone or a scanner gives it: rotated, skewed a little,
/// low in contrast, noisy, JPEG-compressed or inverted. The image's declared size is checked
/// before any pixel is decoded; a damaged image is refused, never half-read.
/// </summary>
internal static class QrImageDecoder
{
    /// <summary>White added around the code: a QR code cut tight out of a page has no quiet zone, and the detector needs one.</summary>
    private const int Margin = 16;

    /// <summary>Decodes the encoded image (PNG, JPEG, or anything SkiaSharp reads) and finds its QR code.</summary>
    public static QrScan Decode(byte[] encoded, string field)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return QrScan.Failed(ErrorCodes.ImageUnreadable, field, "The image is not in a format that can be read (PNG or JPEG).");
        }

        var declared = codec.Info;
        if (!ImageLimits.Allows(declared.Width, declared.Height))
        {
            return QrScan.Failed(ErrorCodes.ImageTooLarge, field,
                $"The image is {declared.Width}×{declared.Height} pixels; the limit is {ImageLimits.MaxSide} a side and {ImageLimits.MaxPixels:N0} in all.");
        }

        var info = new SKImageInfo(declared.Width, declared.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return QrScan.Failed(ErrorCodes.ImageUnreadable, field, $"The image is damaged or truncated ({result}).");
        }

        return Find(bitmap) is { } text
            ? QrScan.Found(text)
            : QrScan.Failed(ErrorCodes.QrNotFound, field, "No QR code was found in the image.");
    }

    /// <summary>The text of the first QR code found in the bitmap, or null.</summary>
    public static string? Find(SKBitmap bitmap)
    {
        var side = Math.Max(bitmap.Width, bitmap.Height);
        var search = side > ImageLimits.SearchSide ? (double)ImageLimits.SearchSide / side : 1.0;

        // Cheapest first: the scaled search image; then full size (a small code on a large scan);
        // then half size, which averages away noise and JPEG artefacts.
        foreach (var scale in new[] { search, 1.0, search / 2 }.Distinct())
        {
            if (Math.Max(bitmap.Width, bitmap.Height) * scale < 64)
            {
                continue;
            }

            using var scaled = scale < 1.0 ? Scale(bitmap, scale) : null;
            var source = new SkiaLuminanceSource(scaled ?? bitmap);
            if ((Decode(source) ?? Decode(Luminance.Padded(Luminance.Stretched(source), Margin))) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static string? Decode(LuminanceSource source)
    {
        foreach (var binarizer in new Func<LuminanceSource, Binarizer>[] { s => new HybridBinarizer(s), s => new GlobalHistogramBinarizer(s) })
        {
            var reader = new BarcodeReaderGeneric(null, binarizer, null)
            {
                AutoRotate = true,
                Options = new DecodingOptions
                {
                    TryHarder = true,
                    TryInverted = true,
                    CharacterSet = "UTF-8",
                    PossibleFormats = [BarcodeFormat.QR_CODE],
                },
            };
            if (reader.Decode(source)?.Text is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static SKBitmap Scale(SKBitmap bitmap, double scale)
    {
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }
}
