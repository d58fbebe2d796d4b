using ZXing;

namespace Fapiao.Formats.Images;

/// <summary>Luminance-level touch-ups that help a poor scan: stretched contrast, a white margin, half size.</summary>
internal static class Luminance
{
    /// <summary>Maps the 1st–99th percentile of the grey levels onto 0–255, so a washed-out scan has full contrast.</summary>
    public static LuminanceSource Stretched(LuminanceSource source)
    {
        var pixels = source.Matrix;
        Span<int> histogram = stackalloc int[256];
        foreach (var p in pixels)
        {
            histogram[p]++;
        }

        var low = Percentile(histogram, pixels.Length / 100);
        var high = 255 - Percentile(Reversed(histogram), pixels.Length / 100);
        if (high - low < 2)
        {
            return source;
        }

        var stretched = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            stretched[i] = (byte)Math.Clamp((pixels[i] - low) * 255 / (high - low), 0, 255);
        }

        return new RGBLuminanceSource(stretched, source.Width, source.Height, RGBLuminanceSource.BitmapFormat.Gray8);
    }

    /// <summary>The source with a white border of <paramref name="margin"/> pixels.</summary>
    public static LuminanceSource Padded(LuminanceSource source, int margin)
    {
        var width = source.Width + (2 * margin);
        var height = source.Height + (2 * margin);
        var padded = new byte[width * height];
        Array.Fill(padded, (byte)255);
        var pixels = source.Matrix;
        for (var y = 0; y < source.Height; y++)
        {
            Array.Copy(pixels, y * source.Width, padded, ((y + margin) * width) + margin, source.Width);
        }

        return new RGBLuminanceSource(padded, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
    }

    /// <summary>The source at half size, each pixel the mean of four: noise and JPEG artefacts average away.</summary>
    public static LuminanceSource Halved(LuminanceSource source)
    {
        var width = source.Width / 2;
        var height = source.Height / 2;
        if (width < 32 || height < 32)
        {
            return source;
        }

        var pixels = source.Matrix;
        var halved = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var top = (2 * y * source.Width) + (2 * x);
                var bottom = top + source.Width;
                halved[(y * width) + x] = (byte)((pixels[top] + pixels[top + 1] + pixels[bottom] + pixels[bottom + 1] + 2) / 4);
            }
        }

        return new RGBLuminanceSource(halved, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
    }

    private static int Percentile(ReadOnlySpan<int> histogram, int count)
    {
        var seen = 0;
        for (var level = 0; level < histogram.Length; level++)
        {
            seen += histogram[level];
            if (seen > count)
            {
                return level;
            }
        }

        return histogram.Length - 1;
    }

    private static int[] Reversed(ReadOnlySpan<int> histogram)
    {
        var reversed = histogram.ToArray();
        Array.Reverse(reversed);
        return reversed;
    }
}
