namespace Fapiao.Reconciliation;

/// <summary>
/// What a reconciliation found. Every keyed row of both sides is in exactly one class:
/// <see cref="Matched"/> counts, the others list. <c>MissingInLedger</c> holds rows of the right
/// side only, <c>MissingInOther</c> rows of the left (the ledger's) side only.
/// </summary>
internal sealed record ReconciliationResult
{
    public required ReconSide Left { get; init; }
    public required ReconSide Right { get; init; }
    public DatePeriod? Period { get; init; }
    public long Matched { get; init; }
    public IReadOnlyList<ReconRecord> MissingInLedger { get; init; } = [];
    public IReadOnlyList<ReconRecord> MissingInOther { get; init; } = [];
    public IReadOnlyList<Mismatch> Mismatched { get; init; } = [];
    public IReadOnlyList<Duplicate> Duplicates { get; init; } = [];
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];
    public IReadOnlyList<UnreadableRow> Unreadable { get; init; } = [];

    /// <summary>True when the suggestion search was skipped because too many keys were unmatched.</summary>
    public bool SuggestionsSkipped { get; init; }

    /// <summary>Both sides agree: nothing missing, different, duplicated or unreadable.</summary>
    public bool Agrees => MissingInLedger.Count == 0 && MissingInOther.Count == 0 && Mismatched.Count == 0
        && Duplicates.Count == 0 && Unreadable.Count == 0;

    /// <summary>Every difference as (key, class), the form a run keeps open.</summary>
    public IEnumerable<(string Key, string Class, DateOnly? IssueDate)> Differences()
    {
        foreach (var r in MissingInLedger)
        {
            yield return (r.Key, DifferenceClasses.MissingInLedger, r.IssueDate);
        }

        foreach (var r in MissingInOther)
        {
            yield return (r.Key, DifferenceClasses.MissingInOther, r.IssueDate);
        }

        foreach (var m in Mismatched)
        {
            yield return (m.Key, DifferenceClasses.Mismatched, m.Left.IssueDate ?? m.Right.IssueDate);
        }

        foreach (var d in Duplicates)
        {
            yield return (d.Key, DifferenceClasses.Duplicate, d.Left.Concat(d.Right).Select(r => r.IssueDate).FirstOrDefault(x => x is not null));
        }
    }
}

/// <summary>The class names of the JSON contract and of the runs kept.</summary>
internal static class DifferenceClasses
{
    public const string MissingInLedger = "missingInLedger";
    public const string MissingInOther = "missingInOther";
    public const string Mismatched = "mismatched";
    public const string Duplicate = "duplicates";
}
