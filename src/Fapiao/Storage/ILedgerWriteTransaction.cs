namespace Fapiao.Storage;

/// <summary>
/// A write transaction on one tenant's log. Opening it takes the tenant's write lock (SQLite:
/// BEGIN IMMEDIATE; PostgreSQL: a row lock on the log head), so writers in other processes wait
/// and then continue from the head they find. Disposing without committing rolls back.
/// </summary>
internal interface ILedgerWriteTransaction : IAsyncDisposable
{
    LogHead Head { get; }

    /// <summary>The projection rows of those keys that exist, in one round trip where the store allows.</summary>
    ValueTask<IReadOnlyDictionary<string, InvoiceRecord>> GetInvoicesAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    /// <summary>Red-letter invoices already recorded that reference one of these blue keys (they arrived first).</summary>
    ValueTask<IReadOnlyList<InvoiceRecord>> GetRedLettersOfAsync(IReadOnlyCollection<string> blueKeys, CancellationToken ct);

    ValueTask<StoredEvent?> GetEventAsync(long index, CancellationToken ct);

    /// <summary>How a quarantined item was resolved, or null while it is open.</summary>
    ValueTask<QuarantineResolution?> GetResolutionAsync(long quarantineId, CancellationToken ct);

    ValueTask WriteAsync(BatchWrite batch, CancellationToken ct);

    ValueTask CommitAsync(CancellationToken ct);
}
