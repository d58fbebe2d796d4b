using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

public class SuggestionFinderTests
{
    [Theory]
    [InlineData("24112000000000000123", "24112000000000000128", SuggestionReasons.OneDigit)]
    [InlineData("24112000000000000123", "24112000000000000213", SuggestionReasons.AdjacentSwap)]
    [InlineData("011002680026-71500013", "71500013-011002680026", SuggestionReasons.CodeNumberExchanged)]
    [InlineData("011002680026-71500013", "011002680026-71500018", SuggestionReasons.OneDigit)]
    public void Find_TypedKey_PairedWithItsReason(string left, string right, string reason)
    {
        var l = Records.Of(1) with { Key = left };
        var r = Records.Of(1) with { Key = right, Source = "other:1" };

        var found = SuggestionFinder.Find([l], [r], out _);

        found.ShouldHaveSingleItem().ShouldBe(found[0] with { Left = left, Right = right, Reason = reason });
    }

    [Fact]
    public void Find_OneDigitApartButTotalsDiffer_TwoInvoicesNotPaired()
    {
        SuggestionFinder.Find([Records.Of(2)], [Records.Of(8)], out _).ShouldBeEmpty();
    }

    [Fact]
    public void Find_SameSellerDateTotalUnderAnotherKey_Paired()
    {
        var l = Records.Of(1) with { Key = "24112000000000000111" };
        var r = Records.Of(1) with { Key = "24112000000000099999" };

        SuggestionFinder.Find([l], [r], out _).ShouldHaveSingleItem().Reason.ShouldBe(SuggestionReasons.SameSellerDateTotal);
    }

    [Fact]
    public void Find_SameSellerDateTotalAmbiguous_NotPaired()
    {
        var l = Records.Of(1) with { Key = "24112000000000000111" };
        var r1 = Records.Of(1) with { Key = "24112000000000099999" };
        var r2 = Records.Of(1) with { Key = "24112000000000077777" };

        SuggestionFinder.Find([l], [r1, r2], out _).ShouldBeEmpty();
    }

    [Fact]
    public void Find_UnrelatedKeys_NothingSuggested()
    {
        SuggestionFinder.Find([Records.Of(1)], [Records.Of(2) with { Key = "24112000000000055555" }], out var skipped).ShouldBeEmpty();
        skipped.ShouldBeFalse();
    }
}
