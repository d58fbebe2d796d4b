using System.Security.Cryptography;
using Fapiao.Formats;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Tests.Ingest.Inputs;

/// <summary>The hook through which formats that need packages (PDF, images, spreadsheets) reach the core.</summary>
public sealed class SubmissionReaderFileReaderTests
{
    private const string Qr = "01,31,,24112000000048542163,4449.00,20240528,,B2B6";

    /// <summary>A stand-in reader: its files start with "FAKE" and carry a QR string after it.</summary>
    private sealed class FakeReader : IFileReader
    {
        public List<string> Read { get; } = [];

        public InputFormat Format => InputFormat.Image;

        public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith("FAKE"u8);

        IEnumerable<Submission> IFileReader.Read(Stream stream, string name, SubmissionReader submissions)
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var file = memory.ToArray();
            Read.Add(name);
            var problems = new List<Problem>();
            var draft = submissions.ParseQr(System.Text.Encoding.UTF8.GetString(file.AsSpan(4)), problems);
            yield return submissions.FromFile(name, file, draft, problems);
        }
    }

    private static SubmissionReader CreateSut(FakeReader reader) => new(new InvoiceValidator(TimeProvider.System), fileReaders: [reader]);

    private static List<Submission> ReadAll(SubmissionReader sut, byte[] bytes, InputFormat format) =>
        sut.Read(new MemoryStream(bytes), "in", format).ToList();

    [Fact]
    public void Read_AutoWithRecognisedHead_GoesToTheFileReaderWithTheWholeFile()
    {
        var fake = new FakeReader();
        var file = System.Text.Encoding.UTF8.GetBytes("FAKE" + Qr);

        var submission = ReadAll(CreateSut(fake), file, InputFormat.Auto).ShouldHaveSingleItem();

        fake.Read.ShouldBe(["in"]);
        submission.Raw.ShouldBe(file);
        submission.Invoice.ShouldNotBeNull().Total.ShouldBe(4449.00m);
    }

    [Fact]
    public void Read_AutoWithOtherHead_StaysWithTheCoreFormats()
    {
        var fake = new FakeReader();

        var submission = ReadAll(CreateSut(fake), System.Text.Encoding.UTF8.GetBytes(Qr + "\n"), InputFormat.Auto).ShouldHaveSingleItem();

        fake.Read.ShouldBeEmpty();
        submission.Source.ShouldBe("in:1");
        submission.Invoice.ShouldNotBeNull();
    }

    [Fact]
    public void Read_FormatNamed_GoesToItsReaderWhateverTheHead()
    {
        var fake = new FakeReader();

        var submission = ReadAll(CreateSut(fake), "FAKE01,31,broken"u8.ToArray(), InputFormat.Image).ShouldHaveSingleItem();

        fake.Read.ShouldBe(["in"]);
        submission.Problems.ShouldContain(p => p.Code == ErrorCodes.QrFormat);
        submission.Invoice.ShouldBeNull();
    }

    [Fact]
    public void FromFile_LargerThanQuarantineKeeps_KeepsTheStartTheLengthAndTheHash()
    {
        var sut = CreateSut(new FakeReader());
        var file = new byte[Submission.MaxKeptBytes + 10];
        file[^1] = 1;

        var submission = sut.FromFile("big", file, draft: null, [Problem.Error(ErrorCodes.FileTooLarge, "$", "too large")]);

        submission.Raw.Length.ShouldBe(Submission.MaxKeptBytes);
        submission.RawLength.ShouldBe(file.Length);
        submission.Sha256().ShouldBe(SHA256.HashData(file));
        submission.Invoice.ShouldBeNull();
    }

    [Fact]
    public void FromFile_DraftWithAReadersError_IsNotValidatedIntoAnInvoice()
    {
        var sut = CreateSut(new FakeReader());
        var problems = new List<Problem>();
        var draft = sut.ParseQr(Qr, problems).ShouldNotBeNull();
        problems.Add(Problem.Error(ErrorCodes.PdfQrTextMismatch, "total", "QR and text differ"));

        var submission = sut.FromFile("x.pdf", [1, 2, 3], draft, problems);

        submission.Invoice.ShouldBeNull();
        submission.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.PdfQrTextMismatch]);
    }

    [Fact]
    public void ParseQr_TypeContradictingKey_IsWarnedOnceByTheValidatorNotTwice()
    {
        // A 数电 type (31) on a legacy key.
        var sut = CreateSut(new FakeReader());
        var problems = new List<Problem>();

        var draft = sut.ParseQr("01,31,011002680026,71500013,9709.00,20200220,,1818", problems);
        var submission = sut.FromFile("scan.png", [1], draft, problems);

        draft.ShouldNotBeNull().Type.ShouldBe("31");
        submission.Invoice.ShouldNotBeNull();
        submission.Problems.Select(p => (p.Code, p.Severity)).ShouldBe([(ErrorCodes.TypeKeyMismatch, Severity.Warning)]);
    }
}
