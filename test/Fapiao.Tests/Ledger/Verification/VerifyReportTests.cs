using Fapiao.Ledger.Verification;

namespace Fapiao.Tests.Ledger.Verification;

public sealed class VerifyReportTests
{
    private static VerifyReport Report(params string[] originals) =>
        new("acme", 30, 30, 3, null) { Originals = originals.ToHashSet(StringComparer.Ordinal) };

    [Fact]
    public void Equals_SameCountsAndTheSameOriginalsInAnotherOrder_AreEqual()
    {
        Report("aa", "bb").ShouldBe(Report("bb", "aa"));
        Report("aa", "bb").GetHashCode().ShouldBe(Report("bb", "aa").GetHashCode());
    }

    [Fact]
    public void Equals_AnotherOriginalOrCount_AreNotEqual()
    {
        Report("aa", "bb").ShouldNotBe(Report("aa", "cc"));
        Report("aa").ShouldNotBe(Report("aa", "bb"));
        Report("aa").ShouldNotBe(Report("aa") with { Events = 31 });
    }
}
