namespace Fapiao.Tracing;

/// <summary>
/// One piece of evidence an explanation cites: what it is (<c>event</c>, <c>quarantine</c>,
/// <c>reconciliation</c>, <c>ledger</c>), how to find it again (<see cref="Cite"/>: an event index,
/// a quarantine id, a run id), where it came from (<see cref="Source"/>: the file and row or line
/// the item was submitted as, as recorded), when, and what it says. <see cref="Original"/> names the
/// kept original file and the place in it (<c>SHA256@PLACE</c>, see <see cref="Originals.OriginalRef"/>)
/// when the event or quarantine item recorded one; <c>fapiao original SHA256</c> gives the file back.
/// </summary>
internal sealed record TraceEvidence(string Kind, string Cite, string? Source, DateTimeOffset? At, string Detail)
{
    public string? Original { get; init; }
}
