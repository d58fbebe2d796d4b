using Fapiao.Fuzz;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Fuzz;

/// <summary>
/// The short bounded fuzz pass over every parser of the core (see <see cref="FuzzPass"/>); the
/// package readers (XLSX, PDF, image) have theirs in Fapiao.Formats.Tests, AFL++ runs the long
/// coverage-guided pass (scripts/fuzz-afl.sh, docs/fuzzing.md).
/// </summary>
public sealed class ParserFuzzTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("qr")]
    [InlineData("csv")]
    [InlineData("xml")]
    [InlineData("ofd")]
    public void Reader_MutatedCorpus_NeverThrowsHangsOrRejectsSilently(string target)
    {
        var reader = new SubmissionReader(new InvoiceValidator(FixedClock.Default));
        var format = FuzzContract.Targets[target];

        FuzzPass.Run(target, stream => reader.Read(stream, "fuzz", format));
    }
}
