using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

public class ReconcilerTests
{
    [Fact]
    public void Run_MonthEnd_EveryDifferenceClassifiedExactly()
    {
        var ledger = Enumerable.Range(1, 30).Select(i => Records.Of(i, "ledger")).ToList();
        var platform = Enumerable.Range(1, 30).Select(i => Records.Of(i, "platform")).ToList();
        // 31 is only on the platform, 2 only in the ledger.
        platform.Add(Records.Of(31, "platform"));
        platform.RemoveAll(r => r.Key == Records.Key(2));
        // Amount changed; date changed; voided and red-reversed on the platform only; a row twice on the platform.
        platform[Index(platform, 3)] = platform[Index(platform, 3)] with { Amount = 1003.10m, Total = 1063.10m };
        platform[Index(platform, 4)] = platform[Index(platform, 4)] with { IssueDate = new DateOnly(2024, 11, 21) };
        platform[Index(platform, 5)] = platform[Index(platform, 5)] with { State = "voided" };
        platform[Index(platform, 6)] = platform[Index(platform, 6)] with { State = "reversed" };
        platform.Add(Records.Of(7, "platform-again"));
        // Typed one digit wrong in the ledger: 8 became 9008 (…009008 vs …000008).
        ledger[Index(ledger, 8)] = ledger[Index(ledger, 8)] with { Key = "24112000000000009008" };
        // Trailing zeros and a different scale are the same money.
        platform[Index(platform, 10)] = platform[Index(platform, 10)] with { Amount = 1010.000m, Total = 1070.0m };

        var result = Records.Reconcile(ledger, platform);

        result.MissingInLedger.Select(r => r.Key).ShouldBe([Records.Key(8), Records.Key(31)], ignoreOrder: true);
        result.MissingInOther.Select(r => r.Key).ShouldBe([Records.Key(2), "24112000000000009008"], ignoreOrder: true);
        result.Mismatched.Select(m => (m.Key, string.Join(",", m.Fields.Select(f => $"{f.Field}:{f.Left}/{f.Right}")))).ShouldBe(
        [
            (Records.Key(3), "amount:1003.00/1003.10,total:1063.00/1063.10"),
            (Records.Key(4), "issueDate:2024-11-20/2024-11-21"),
            (Records.Key(5), "state:normal/voided"),
            (Records.Key(6), "state:normal/reversed"),
        ]);
        result.Duplicates.Single().Key.ShouldBe(Records.Key(7));
        result.Duplicates.Single().Right.Select(r => r.Source).ShouldBe(["platform:7", "platform-again:7"]);
        result.Suggestions.ShouldContain(s => s.Left == "24112000000000009008" && s.Right == Records.Key(8) && s.Reason == SuggestionReasons.OneDigit);
        result.Suggestions.Count.ShouldBe(1);
        result.Matched.ShouldBe(23);
        result.Left.Count.ShouldBe(30);
        result.Right.Count.ShouldBe(31);
        result.Agrees.ShouldBeFalse();
    }

    [Fact]
    public void Run_LegacyKeys_MatchByCodeAndNumber()
    {
        var legacy = Records.Of(1) with { Key = "011002680026-71500013" };
        var other = Records.Of(2) with { Key = "011002680027-71500013" };

        var result = Records.Reconcile([legacy, other], [legacy with { Source = "p:1" }, other with { Source = "p:2" }]);

        result.Matched.ShouldBe(2);
        result.Agrees.ShouldBeTrue();
    }

    [Fact]
    public void Run_FieldOnlyOneSideStates_NotCompared()
    {
        var full = Records.Of(1);
        var partial = full with { BuyerTaxId = null, State = null, Tax = null };

        Records.Reconcile([full], [partial]).Matched.ShouldBe(1);
    }

    [Fact]
    public void Run_Period_DateMovedAcrossTheEdgeIsAMismatchAndOutsideRowsAreNotCounted()
    {
        var may = new DatePeriod(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31));
        var inMay = Records.Of(1) with { IssueDate = new DateOnly(2024, 5, 31) };
        var june = Records.Of(2) with { IssueDate = new DateOnly(2024, 6, 2) };
        var juneOnlyThere = Records.Of(3) with { IssueDate = new DateOnly(2024, 6, 3) };

        var result = Records.Reconcile([inMay, june], [inMay with { IssueDate = new DateOnly(2024, 6, 1) }, june, juneOnlyThere], period: may);

        result.Mismatched.Single().Key.ShouldBe(Records.Key(1));
        result.MissingInLedger.ShouldBeEmpty();
        result.Matched.ShouldBe(0);
        result.Left.Count.ShouldBe(1);
        result.Right.Count.ShouldBe(1);
    }

    [Fact]
    public void Run_UnsortedInput_Refused()
    {
        var unsorted = new[] { Records.Of(2), Records.Of(1) };

        Should.Throw<InvalidOperationException>(() => new Reconciler().Run(unsorted, [], new ReconSide("l", 0, 0, ""), new ReconSide("r", 0, 0, ""), []));
    }

    private static int Index(List<ReconRecord> records, int i) => records.FindIndex(r => r.Key == Records.Key(i));
}
