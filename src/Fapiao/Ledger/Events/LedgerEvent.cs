using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Ledger.Events;

/// <summary>
/// An immutable fact in a tenant's log. Which fields are set depends on the kind:
/// recorded/enriched carry the whole invoice and its content hash; reversed names the red-letter
/// invoice and the amounts it takes off the blue one; voided carries a reason.
/// </summary>
internal sealed record LedgerEvent
{
    public const int FormatVersion = 1;

    public required string Kind { get; init; }
    public required string Tenant { get; init; }
    public string? Key { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Source { get; init; }

    /// <summary>The kept original and the place in it the event came from (absent when nothing was kept).</summary>
    public Originals.OriginalRef? Original { get; init; }
    public string? ContentHash { get; init; }
    public Invoice? Invoice { get; init; }

    /// <summary>The canonical bytes of <see cref="Invoice"/> when already computed (they are embedded as they are).</summary>
    public ReadOnlyMemory<byte> InvoiceBytes { get; init; }
    public IReadOnlyList<string> Added { get; init; } = [];
    public string? Red { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Tax { get; init; }
    public decimal? Total { get; init; }
    public string? Reason { get; init; }

    /// <summary>quarantineResolved: the number of the quarantined item the event resolves.</summary>
    public long? Quarantine { get; init; }
    public IReadOnlyList<Problem> Warnings { get; init; } = [];
}
