namespace Fapiao.Storage;

/// <summary>A difference a run found: the key, its class (missingInLedger, …), the issue date and total when known, and what was seen (for people and for trace).</summary>
internal sealed record DifferenceFound(string Key, string Class, DateOnly? IssueDate, string Detail, decimal? Total = null);

/// <summary>A difference as kept across runs: the run that opened it, the last run that saw it, the run that closed it (null while open).</summary>
internal sealed record KeptDifference(string Key, string Class, DateOnly? IssueDate, string Detail, long OpenedRun, long LastSeenRun, long? ClosedRun, decimal? Total = null)
{
    public bool IsOpen => ClosedRun is null;
}
