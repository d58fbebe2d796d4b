using System.Buffers.Binary;
using SkiaSharp;

namespace Fapiao.Formats.Tests.Support;

/// <summary>Images made to hurt a decoder: lying headers, cut-off data, garbage.</summary>
internal static class HostileImages
{
    /// <summary>A real PNG whose header declares <paramref name="width"/>×<paramref name="height"/>, its CRC made right so only the size is wrong.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = QrImages.Png(QrImages.Render(QrSamples.Legacy.Qr));
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height, then 5 bytes, then the CRC of type + data.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A real JPEG whose frame header (SOF0) declares <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] JpegDeclaring(int width, int height)
    {
        var jpeg = QrImages.Jpeg(QrImages.Render(QrSamples.Legacy.Qr), 80);
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), (ushort)width);
        return jpeg;
    }

    public static byte[] Truncated(byte[] image, double keep) => image[..(int)(image.Length * keep)];

    /// <summary>The magic number of <paramref name="magicOf"/>, then reproducible garbage.</summary>
    public static byte[] Garbage(byte[] magicOf, int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        magicOf.AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }

    public static byte[] Blank(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.White);
        return QrImages.Png(bitmap);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
