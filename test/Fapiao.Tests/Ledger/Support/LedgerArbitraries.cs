using FsCheck;
using FsCheck.Fluent;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>Generators for the ledger's properties; register with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class LedgerArbitraries
{
    public static Arbitrary<LeafCount> LeafCount() =>
        Arb.From(Gen.Choose(1, Support.LeafCount.Max).Select(n => new LeafCount(n)), ShrinkTowardsOne);

    private static IEnumerable<LeafCount> ShrinkTowardsOne(LeafCount count)
    {
        if (count.Value > 1)
        {
            yield return new LeafCount(count.Value / 2);
            yield return new LeafCount(count.Value - 1);
        }
    }
}
