namespace Fapiao.Formats.Images;

/// <summary>What an image may declare before its pixels are decoded: a phone photo is 12–50 megapixels at most.</summary>
internal static class ImageLimits
{
    public const int MaxSide = 8192;

    public const long MaxPixels = 40_000_000;

    /// <summary>Larger images are first searched scaled down to this side: a QR code in a photo is large, and decoding is faster.</summary>
    public const int SearchSide = 1600;

    public static bool Allows(int width, int height) =>
        width > 0 && height > 0 && width <= MaxSide && height <= MaxSide && (long)width * height <= MaxPixels;
}
