using Fapiao.Formats.Images;
using SkiaSharp;

namespace Fapiao.Formats.Tests.Images;

public sealed class SkiaLuminanceSourceTests
{
    [Theory]
    [InlineData(SKColorType.Rgba8888)]
    [InlineData(SKColorType.Bgra8888)]
    [InlineData(SKColorType.Gray8)]
    [InlineData(SKColorType.Rgb565)]
    public void Matrix_AnyColourType_GivesTheGreyLevels(SKColorType colorType)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 1, colorType, SKAlphaType.Premul));
        bitmap.SetPixel(0, 0, SKColors.Black);
        bitmap.SetPixel(1, 0, SKColors.White);
        bitmap.SetPixel(2, 0, new SKColor(128, 128, 128));

        var matrix = new SkiaLuminanceSource(bitmap).Matrix;

        matrix[0].ShouldBe((byte)0);
        matrix[1].ShouldBe((byte)255);
        ((int)matrix[2]).ShouldBeInRange(120, 136);
    }

    [Fact]
    public void Matrix_TransparentPixels_CountAsWhitePaper()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(2, 1, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.SetPixel(0, 0, SKColors.Transparent);
        bitmap.SetPixel(1, 0, SKColors.Black);

        new SkiaLuminanceSource(bitmap).Matrix.ShouldBe([(byte)255, (byte)0]);
    }

    [Fact]
    public void Crop_KeepsTheAdaptersPixels()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(4, 4, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.White);
        bitmap.SetPixel(2, 2, SKColors.Black);

        var cropped = new SkiaLuminanceSource(bitmap).crop(2, 2, 2, 2);

        cropped.Matrix.ShouldBe([(byte)0, (byte)255, (byte)255, (byte)255]);
    }
}
