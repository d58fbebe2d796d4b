namespace Fapiao.Storage;

/// <summary>
/// A quarantined item resolved by a resubmission: the <c>quarantineResolved</c> event at
/// <paramref name="EventIndex"/> in the log, for the invoice <paramref name="Key"/>, at <paramref name="At"/>.
/// Written with the event, in the same transaction; never changed.
/// </summary>
internal sealed record QuarantineResolution(long QuarantineId, long EventIndex, string Key, DateTimeOffset At);
