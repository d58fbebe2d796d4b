using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

/// <summary>Reconciliation never creates or loses an invoice: whatever the inputs, and whatever the sort's run size.</summary>
public class ReconcilerProperties
{
    private static readonly Arbitrary<int[]> Ids = Gen.Choose(1, 400).ArrayOf().ToArbitrary();
    private static readonly Arbitrary<int> RunSize = Gen.Choose(1, 7).ToArbitrary();

    [Property]
    public Property Run_SetWithItself_FindsNothing() =>
        Prop.ForAll(Ids, RunSize, (ids, runSize) =>
        {
            var set = ids.Distinct().Select(i => Records.Of(i)).ToList();
            var result = Records.Reconcile(set, set.AsEnumerable().Reverse(), runSize);
            return result.Agrees && result.Matched == set.Count && result.Suggestions.Count == 0;
        });

    [Property]
    public Property Run_RemoveAndChangeK_FindsExactlyThose() =>
        Prop.ForAll(Ids, Gen.Choose(0, 1000).ToArbitrary(), RunSize, (ids, seed, runSize) =>
        {
            var set = ids.Distinct().Select(i => Records.Of(i)).ToList();
            var random = new Random(seed);
            var removed = set.Where(_ => random.Next(10) == 0).Select(r => r.Key).ToHashSet();
            var changed = set.Where(r => !removed.Contains(r.Key) && random.Next(10) == 0).Select(r => r.Key).ToHashSet();
            var other = set.Where(r => !removed.Contains(r.Key))
                .Select(r => changed.Contains(r.Key) ? r with { Total = r.Total + 0.01m } : r)
                .ToList();

            var result = Records.Reconcile(set, other, runSize);

            return result.MissingInOther.Select(r => r.Key).ToHashSet().SetEquals(removed)
                && result.Mismatched.Select(m => m.Key).ToHashSet().SetEquals(changed)
                && result.Mismatched.All(m => m.Fields.Count == 1 && m.Fields[0].Field == "total")
                && result.MissingInLedger.Count == 0 && result.Duplicates.Count == 0
                && result.Matched == set.Count - removed.Count - changed.Count;
        });

    [Property]
    public Property Run_AnyInputs_CountsAddUpAndEveryKeyInOneClass() =>
        Prop.ForAll(Ids, Ids, RunSize, (leftIds, rightIds, runSize) =>
        {
            var left = leftIds.Select(i => Records.Of(i % 50, "l")).ToList();
            var right = rightIds.Select(i => Records.Of(i % 50, "r") with { Amount = i % 3 == 0 ? 1m : 1000m + (i % 50) }).ToList();

            var result = Records.Reconcile(left, right, runSize);

            var keys = result.MissingInLedger.Select(r => r.Key)
                .Concat(result.MissingInOther.Select(r => r.Key))
                .Concat(result.Mismatched.Select(m => m.Key))
                .Concat(result.Duplicates.Select(d => d.Key))
                .ToList();
            var allKeys = left.Concat(right).Select(r => r.Key).Distinct().Count();
            return result.Left.Count == left.Count && result.Right.Count == right.Count
                && result.Matched + result.Mismatched.Count + result.MissingInOther.Count + result.Duplicates.Sum(d => d.Left.Count) == left.Count
                && result.Matched + result.Mismatched.Count + result.MissingInLedger.Count + result.Duplicates.Sum(d => d.Right.Count) == right.Count
                && keys.Count == keys.Distinct().Count()
                && keys.Count + result.Matched == allKeys;
        });
}
