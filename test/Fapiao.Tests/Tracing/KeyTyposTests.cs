using Fapiao.Reconciliation;
using Fapiao.Tracing;

namespace Fapiao.Tests.Tracing;

public class KeyTyposTests
{
    [Theory]
    [InlineData("24112000000000000123", "24112000000000000128", SuggestionReasons.OneDigit)]
    [InlineData("24112000000000000123", "24112000000000000213", SuggestionReasons.AdjacentSwap)]
    [InlineData("011002680026-71500013", "71500013-011002680026", SuggestionReasons.CodeNumberExchanged)]
    public void Relate_OneTypingMistakeApart_NamesTheReasonAndVariantsHoldTheOther(string key, string other, string reason)
    {
        KeyTypos.Relate(key, other)!.Value.Reason.ShouldBe(reason);
        KeyTypos.Variants(key).ShouldContain(v => v.Key == other && v.Reason == reason);
    }

    [Theory]
    [InlineData("24112000000000000123", "24112000000000000456")]
    [InlineData("24112000000000000123", "24112000000000000123")]
    [InlineData("24112000000000000123", "2411200000000000123")]
    [InlineData("24112000000000000123", "24112000000000000312")]
    public void Relate_NotOneMistakeApart_Null(string key, string other)
    {
        KeyTypos.Relate(key, other).ShouldBeNull();
    }

    [Fact]
    public void Variants_ShudianKey_EveryOneDigitAndSwapOnce()
    {
        var variants = KeyTypos.Variants("24112000000000000123").ToList();

        variants.Count(v => v.Reason == SuggestionReasons.OneDigit).ShouldBe(20 * 9);
        variants.Select(v => v.Key).Distinct().Count().ShouldBe(variants.Count);
        variants.ShouldAllBe(v => v.Key != "24112000000000000123");
    }
}
