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
    public static QrScan Decode(byte[] encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return QrScan.Failed(ErrorCodes.ImageUnreadable, "The image is not in a format that can be read (PNG or JPEG).");
        }

        var declared = codec.Info;
        if (!ImageLimits.Allows(declared.Width, declared.Height))
        {
            return QrScan.Failed(ErrorCodes.ImageTooLarge,
                $"The image is {declared.Width}×{declared.Height} pixels; the limit is {ImageLimits.MaxSide} a side and {ImageLimits.MaxPixels:N0} in all.");
        }

        var info = new SKImageInfo(declared.Width, declared.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return QrScan.Failed(ErrorCodes.ImageUnreadable, $"The image is damaged or truncated ({result}).");
        }

        return Find(bitmap) is { } text
            ? QrScan.Found(text)
            : QrScan.Failed(ErrorCodes.QrNotFound, "No QR code was found in the image.");
    }

    /// <summary>
    /// The text of the first QR code found in the bitmap, or null. The attempts are a fixed plan,
    /// cheapest first, so that an image without a code costs a bounded amount of work (about a
    /// dozen decodes of a 1600-pixel image at most).
    /// </summary>
    public static string? Find(SKBitmap bitmap)
    {
        var search = Math.Min(1.0, (double)ImageLimits.SearchSide / Math.Max(bitmap.Width, bitmap.Height));
        using var scaled = search < 1.0 ? Scale(bitmap, search) : null;
        var source = new SkiaLuminanceSource(scaled ?? bitmap);
        var touched = Luminance.Padded(Luminance.Stretched(source), Margin);
        return Decode(source, Hybrid, tryHarder: false)
            ?? Decode(source, Hybrid, tryHarder: true)
            ?? Decode(touched, Hybrid, tryHarder: true)
            ?? Decode(touched, Global, tryHarder: true)
            ?? FindFiner(bitmap, search)
            ?? Decode(Luminance.Halved(touched), Hybrid, tryHarder: true);
    }

    private static Binarizer Hybrid(LuminanceSource source) => new HybridBinarizer(source);

    private static Binarizer Global(LuminanceSource source) => new GlobalHistogramBinarizer(source);

    /// <summary>A large scan once more at twice the search scale: its code may be too small for the search image.</summary>
    private static string? FindFiner(SKBitmap bitmap, double search)
    {
        if (search >= 1.0)
        {
            return null;
        }

        var finer = Math.Min(1.0, 2 * search);
        using var scaled = finer < 1.0 ? Scale(bitmap, finer) : null;
        return Decode(new SkiaLuminanceSource(scaled ?? bitmap), Hybrid, tryHarder: true);
    }

    /// <summary>One decode; light-on-dark codes are tried too. QR detection finds the code at any rotation by itself.</summary>
    private static string? Decode(LuminanceSource source, Func<LuminanceSource, Binarizer> binarizer, bool tryHarder)
    {
        var reader = new BarcodeReaderGeneric(null, binarizer, null)
        {
            Options = new DecodingOptions
            {
                TryHarder = tryHarder,
                TryInverted = true,
                CharacterSet = "UTF-8",
                PossibleFormats = [BarcodeFormat.QR_CODE],
            },
        };
        return reader.Decode(source)?.Text;
    }

    private static SKBitmap Scale(SKBitmap bitmap, double scale)
    {
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }
}
