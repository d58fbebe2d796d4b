using Fapiao.Formats.Tests.Support;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Formats.Tests.Images;

public sealed class ImageFileReaderHostileTests
{
    private static readonly byte[] Png = QrImages.Png(QrImages.Render(QrSamples.Legacy.Qr));
    private static readonly byte[] Jpeg = QrImages.Jpeg(QrImages.Render(QrSamples.Legacy.Qr), 80);

    public static TheoryData<string, string> Cases => new()
    {
        { "PNG declaring 20000×20000", "image.tooLarge" },
        { "PNG declaring 8000×8000 (64 Mpx)", "image.tooLarge" },
        { "JPEG declaring 60000×60000", "image.tooLarge" },
        { "PNG cut at 60%", "image.unreadable" },
        { "JPEG cut at 50%", "image.unreadable" },
        { "PNG magic then garbage", "image.unreadable" },
        { "JPEG magic then garbage", "image.unreadable" },
        { "blank page", "qr.notFound" },
        { "QR code of something else", "qr.format" },
    };

    private static readonly Dictionary<string, Func<byte[]>> Inputs = new()
    {
        ["PNG declaring 20000×20000"] = () => HostileImages.PngDeclaring(20000, 20000),
        ["PNG declaring 8000×8000 (64 Mpx)"] = () => HostileImages.PngDeclaring(8000, 8000),
        ["JPEG declaring 60000×60000"] = () => HostileImages.JpegDeclaring(60000, 60000),
        ["PNG cut at 60%"] = () => HostileImages.Truncated(Png, 0.6),
        ["JPEG cut at 50%"] = () => HostileImages.Truncated(Jpeg, 0.5),
        ["PNG magic then garbage"] = () => HostileImages.Garbage(Png, 5000),
        ["JPEG magic then garbage"] = () => HostileImages.Garbage(Jpeg, 5000),
        ["blank page"] = () => HostileImages.Blank(1200, 900),
        ["QR code of something else"] = () => QrImages.Png(QrImages.Render("https://example.com/not-an-invoice")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HostileImage_IsRejectedWithItsCode(string input, string code) =>
        Some.ShouldBeRejectedWith(Inputs[input](), code, input);

    [Fact]
    public void Read_FileOverTheLimit_IsRefusedUndecodedKeepingItsFirstMegabyteLengthAndHash()
    {
        var bytes = HostileImages.Garbage(Png, Fapiao.Ingest.Inputs.WholeFile.MaxBytes + 1);

        var submission = Some.Read(bytes);

        submission.ErrorCodes().ShouldBe(["file.tooLarge"]);
        submission.Raw.ShouldBe(bytes[..Submission.MaxKeptBytes]);
        submission.RawLength.ShouldBe(bytes.Length);
        submission.Sha256().ShouldBe(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    [Fact]
    public void Read_PhotoLargerThanQuarantineKeeps_KeepsItsLengthAndHash()
    {
        var photo = QrImages.Png(QrImages.Noise(QrImages.OnPage(QrImages.Render(QrSamples.Legacy.Qr), 1400, 1400, 500, 500), 40));
        photo.Length.ShouldBeGreaterThan(Submission.MaxKeptBytes);

        var submission = Some.Read(photo, InputFormat.Image);

        submission.ErrorCodes().ShouldBeEmpty();
        submission.Invoice.ShouldNotBeNull().Key.ToString().ShouldBe(QrSamples.Legacy.Key);
        submission.Raw.Length.ShouldBe(Submission.MaxKeptBytes);
        submission.RawLength.ShouldBe(photo.Length);
        submission.Sha256().ShouldBe(System.Security.Cryptography.SHA256.HashData(photo));
    }
}
