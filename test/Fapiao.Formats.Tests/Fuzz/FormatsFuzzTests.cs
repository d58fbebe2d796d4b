using Fapiao.Formats.Xlsx;
using Fapiao.Formats.Exports;
using Fapiao.Fuzz;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Formats.Fuzz;
using Fapiao.Validation;

namespace Fapiao.Formats.Tests.Fuzz;

/// <summary>The short bounded fuzz pass over the package readers (XLSX, PDF, image); the core's parsers have theirs in Fapiao.Tests.</summary>
public sealed class FormatsFuzzTests
{
    [Theory]
    [InlineData("xlsx")]
    [InlineData("pdf")]
    [InlineData("image")]
    public void Reader_MutatedCorpus_NeverThrowsHangsOrRejectsSilently(string target)
    {
        var reader = new SubmissionReader(
            new InvoiceValidator(new FixedClock()),
            new Dictionary<InputFormat, IInputRowReader> { [InputFormat.Xlsx] = new XlsxExportReader() },
            FileReaders.All);
        var format = FuzzContract.Targets[target];

        FuzzPass.Run(target, stream => reader.Read(stream, "fuzz", format));
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    }
}
