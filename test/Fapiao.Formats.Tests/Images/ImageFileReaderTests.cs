using Fapiao.Formats.Tests.Support;
using Fapiao.Ingest.Inputs;
using SkiaSharp;

namespace Fapiao.Formats.Tests.Images;

public sealed class ImageFileReaderTests
{
    public static TheoryData<string> Samples => new(QrSamples.All.Select(s => s.Qr));

    /// <summary>Each case spoils a clean code the way a phone or a scanner does.</summary>
    public static TheoryData<string> Degradations => new(Degraders.Keys);

    private static readonly Dictionary<string, Func<SKBitmap, byte[]>> Degraders = new()
    {
        ["rotated 90°"] = b => QrImages.Png(QrImages.Rotate(b, 90)),
        ["rotated 180°"] = b => QrImages.Png(QrImages.Rotate(b, 180)),
        ["rotated 10°"] = b => QrImages.Png(QrImages.Rotate(b, 10)),
        ["rotated -12°"] = b => QrImages.Png(QrImages.Rotate(b, -12)),
        ["low contrast 110–150"] = b => QrImages.Png(QrImages.Contrast(b, 110, 150)),
        ["inverted"] = b => QrImages.Png(QrImages.Invert(b)),
        ["noise ±60"] = b => QrImages.Png(QrImages.Noise(b, 60)),
        ["scaled to 3 px a module"] = b => QrImages.Png(QrImages.Scale(b, 0.5)),
        ["JPEG quality 25"] = b => QrImages.Jpeg(b, 25),
        ["small code on a 3000×2200 scan"] = b => QrImages.Png(QrImages.OnPage(b, 3000, 2200, 2400, 1500)),
        ["no quiet zone"] = b => QrImages.Png(QrImages.Render(QrSamples.Shudian.Qr, quietModules: 0)),
        ["phone photo: 8° turn, washed out, noisy, JPEG 60"] = b => QrImages.Jpeg(QrImages.Noise(QrImages.Contrast(QrImages.Rotate(b, 8), 70, 190), 25), 60),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_CleanPngOfEverySample_GivesTheQrFields(string qr)
    {
        var sample = QrSamples.All.Single(s => s.Qr == qr);

        var submission = Some.Read(QrImages.Png(QrImages.Render(sample.Qr)));

        submission.ErrorCodes().ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe(sample.Key);
        invoice.Type.ShouldBe(sample.Type);
        invoice.IssueDate.ToString("yyyy-MM-dd", null).ShouldBe(sample.Date);
        invoice.CheckCode.ShouldBe(sample.CheckCode);
        (sample.AmountIsTotal ? invoice.Total : invoice.Amount).ShouldBe(decimal.Parse(sample.Amount, System.Globalization.CultureInfo.InvariantCulture));
        (sample.AmountIsTotal ? invoice.Amount : invoice.Total).ShouldBeNull();
        invoice.Seller.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Degradations))]
    public void Read_DegradedScan_StillGivesTheExactKeyAndAmount(string degradation)
    {
        var sample = QrSamples.Shudian;
        var image = Degraders[degradation](QrImages.Render(sample.Qr));

        var submission = Some.Read(image, InputFormat.Image);

        submission.ErrorCodes().ShouldBeEmpty(degradation);
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe(sample.Key);
        invoice.Total.ShouldBe(4449.00m);
        invoice.IssueDate.ShouldBe(new DateOnly(2024, 5, 28));
    }

    [Fact]
    public void Read_Image_KeepsTheFileBytesAsRaw()
    {
        var png = QrImages.Png(QrImages.Render(QrSamples.Legacy.Qr));

        var submission = Some.Read(png);

        submission.Problems.ShouldBeEmpty();
        submission.Raw.ShouldBe(png);
        submission.RawLength.ShouldBe(png.Length);
        submission.Source.ShouldBe("test");
    }
}
