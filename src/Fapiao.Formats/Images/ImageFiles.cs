namespace Fapiao.Formats.Images;

/// <summary>The magic numbers of the image files read here.</summary>
internal static class ImageFiles
{
    public static bool IsPng(ReadOnlySpan<byte> head) => head.StartsWith(PngMagic);

    public static bool IsJpeg(ReadOnlySpan<byte> head) => head.StartsWith(JpegMagic);

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
}
