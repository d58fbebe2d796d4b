using System.Globalization;
using Fapiao.Formats.Tests.Support;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Formats.Tests.Images;

public sealed class ImageFileReaderTests
{
    public static TheoryData<string> Samples => new(QrSamples.All.Select(s => s.Qr));

    /// <summary>Each case spoils a clean code the way a phone or a scanner does; every sample goes through every case.</summary>
    public static TheoryData<string, string> Degradations
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var sample in QrSamples.All)
            {
                foreach (var degradation in Degraders.Keys)
                {
                    data.Add(sample.Qr, degradation);
                }
            }

            return data;
        }
    }

    private static readonly Dictionary<string, Func<string, byte[]>> Degraders = new()
    {
        ["rotated 90°"] = qr => QrImages.Png(QrImages.Rotate(QrImages.Render(qr), 90)),
        ["rotated 180°"] = qr => QrImages.Png(QrImages.Rotate(QrImages.Render(qr), 180)),
        ["rotated 10°"] = qr => QrImages.Png(QrImages.Rotate(QrImages.Render(qr), 10)),
        ["rotated -12°"] = qr => QrImages.Png(QrImages.Rotate(QrImages.Render(qr), -12)),
        ["low contrast 110–150"] = qr => QrImages.Png(QrImages.Contrast(QrImages.Render(qr), 110, 150)),
        ["inverted"] = qr => QrImages.Png(QrImages.Invert(QrImages.Render(qr))),
        ["noise ±60"] = qr => QrImages.Png(QrImages.Noise(QrImages.Render(qr), 60)),
        ["scaled to 3 px a module"] = qr => QrImages.Png(QrImages.Scale(QrImages.Render(qr), 0.5)),
        ["JPEG quality 25"] = qr => QrImages.Jpeg(QrImages.Render(qr), 25),
        ["small code on a 3000×2200 scan"] = qr => QrImages.Png(QrImages.OnPage(QrImages.Render(qr), 3000, 2200, 2400, 1500)),
        ["no quiet zone"] = qr => QrImages.Png(QrImages.Render(qr, quietModules: 0)),
        ["phone photo: 8° turn, washed out, noisy, JPEG 60"] = qr => QrImages.Jpeg(QrImages.Noise(QrImages.Contrast(QrImages.Rotate(QrImages.Render(qr), 8), 70, 190), 25), 60),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_CleanPngOfEverySample_GivesTheQrFields(string qr)
    {
        var submission = Some.Read(QrImages.Png(QrImages.Render(qr)));

        ShouldHaveTheFieldsOf(submission, QrSamples.All.Single(s => s.Qr == qr));
    }

    [Theory]
    [MemberData(nameof(Degradations))]
    public void Read_DegradedScan_StillGivesTheExactFields(string qr, string degradation)
    {
        var image = Degraders[degradation](qr);

        var submission = Some.Read(image, InputFormat.Image);

        ShouldHaveTheFieldsOf(submission, QrSamples.All.Single(s => s.Qr == qr));
    }

    private static void ShouldHaveTheFieldsOf(Submission submission, QrSamples.Sample sample)
    {
        submission.ErrorCodes().ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe(sample.Key);
        invoice.Type.ShouldBe(sample.Type);
        invoice.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBe(sample.Date);
        invoice.CheckCode.ShouldBe(sample.CheckCode);
        (sample.AmountIsTotal ? invoice.Total : invoice.Amount).ShouldBe(decimal.Parse(sample.Amount, CultureInfo.InvariantCulture));
        (sample.AmountIsTotal ? invoice.Amount : invoice.Total).ShouldBeNull();
        invoice.Seller.ShouldBeNull();
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
