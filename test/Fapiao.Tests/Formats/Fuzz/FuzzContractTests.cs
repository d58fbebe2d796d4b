using Fapiao.Fuzz;
using Fapiao.Ingest;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Fuzz;

/// <summary>The fuzz contract itself must catch what it promises to catch, or every fuzz pass passes on nothing.</summary>
public sealed class FuzzContractTests
{
    [Fact]
    public void Check_RejectionWithAnError_IsKept()
    {
        var rejected = Submission.Create("fuzz:1", [1], null, [Problem.Error(ErrorCodes.JsonSyntax, "$", "bad")]);

        FuzzContract.Check([rejected]).ShouldBe(0);
    }

    [Fact]
    public void Check_RejectionWithoutAnError_BreaksTheContract()
    {
        var silent = Submission.Create("fuzz:1", [1], null, [Problem.Warning(ErrorCodes.JsonSyntax, "$", "only a warning")]);

        Should.Throw<FuzzContractException>(() => FuzzContract.Check([silent])).Message.ShouldContain("without an error");
    }

    [Fact]
    public void Check_ProblemCodeNotInErrorCodes_BreaksTheContract()
    {
        var unknown = Submission.Create("fuzz:1", [1], null, [Problem.Error("made.up", "$", "no such code")]);

        Should.Throw<FuzzContractException>(() => FuzzContract.Check([unknown])).Message.ShouldContain("made.up");
    }

    [Fact]
    public void Check_ReaderThrowsWhileEnumerating_TheExceptionGetsThrough()
    {
        static IEnumerable<Submission> Throwing()
        {
            yield return Submission.Create("fuzz:1", [1], null, [Problem.Error(ErrorCodes.JsonSyntax, "$", "bad")]);
            throw new FormatException("a parser bug");
        }

        Should.Throw<FormatException>(() => FuzzContract.Check(Throwing()));
    }

    [Fact]
    public void Corpus_EveryTarget_HasCheckedInSeeds()
    {
        foreach (var target in FuzzContract.Targets.Keys)
        {
            FuzzContract.Corpus(target, AppContext.BaseDirectory).ShouldNotBeEmpty(target);
        }
    }
}
