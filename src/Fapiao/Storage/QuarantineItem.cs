using Fapiao.Validation;

namespace Fapiao.Storage;

/// <summary>
/// A submission the ledger did not accept, kept verbatim with every reason. Never deleted.
/// Raw holds the submitted bytes; an item longer than the keep limit is kept as its first bytes
/// plus the length and SHA-256 of the whole, so hostile input cannot fill the disk.
/// </summary>
internal sealed record QuarantineItem
{
    public required long Id { get; init; }
    public required string Outcome { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public string? Key { get; init; }
    public required byte[] Raw { get; init; }
    public required long RawLength { get; init; }
    public required byte[] RawSha256 { get; init; }
    public required IReadOnlyList<Problem> Problems { get; init; }

    /// <summary>The kept original file and the item's place in it (null for items kept before originals were).</summary>
    public Originals.OriginalRef? Original { get; init; }

    /// <summary>How the item was resolved (a resubmission that the ledger took), or null while it is open.</summary>
    public QuarantineResolution? Resolution { get; init; }

    public bool RawTruncated => Raw.LongLength < RawLength;
}
