using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Formats.Tests.Support;

/// <summary>Valid values and ready subjects for the tests.</summary>
internal static class Some
{
    /// <summary>A submission reader with the file readers of this assembly, its clock fixed in 2026.</summary>
    public static SubmissionReader Reader() => new(new InvoiceValidator(new FixedClock(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero))), fileReaders: FileReaders.All);

    /// <summary>The one submission a whole file gives.</summary>
    public static Submission Read(byte[] file, InputFormat format = InputFormat.Auto)
    {
        using var stream = new MemoryStream(file);
        return Reader().Read(stream, "test", format).ToList().ShouldHaveSingleItem();
    }

    /// <summary>Reads the file and checks it was rejected with exactly <paramref name="code"/>, its bytes kept for quarantine.</summary>
    public static void ShouldBeRejectedWith(byte[] file, string code, string because)
    {
        var submission = Read(file);

        submission.ErrorCodes().ShouldBe([code], because);
        submission.Invoice.ShouldBeNull();
        submission.Raw.ShouldBe(file);
    }

    public static IEnumerable<string> ErrorCodes(this Submission submission) => submission.Problems.Where(p => p.IsError).Select(p => p.Code);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
