namespace Fapiao.Storage;

/// <summary>
/// One reconciliation as kept: when and by whom, both sides (name, SHA-256 of what was read, rows),
/// the period, the count of each class, and how many differences it opened and closed.
/// </summary>
internal sealed record ReconciliationRun
{
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string LeftName { get; init; }
    public required string LeftSha256 { get; init; }
    public required long LeftCount { get; init; }
    public required string RightName { get; init; }
    public required string RightSha256 { get; init; }
    public required long RightCount { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }
    public required long Matched { get; init; }
    public required long MissingInLedger { get; init; }
    public required long MissingInOther { get; init; }
    public required long Mismatched { get; init; }
    public required long Duplicates { get; init; }
    public required long Suggestions { get; init; }
    public required long Unreadable { get; init; }
    public long Opened { get; init; }
    public long Closed { get; init; }
}
