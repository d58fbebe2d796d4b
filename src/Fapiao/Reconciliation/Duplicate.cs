namespace Fapiao.Reconciliation;

/// <summary>A key found more than once on at least one side, with every row of it on both sides.</summary>
internal sealed record Duplicate(string Key, IReadOnlyList<ReconRecord> Left, IReadOnlyList<ReconRecord> Right);
