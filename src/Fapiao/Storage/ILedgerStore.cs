using Fapiao.Ledger;

namespace Fapiao.Storage;

/// <summary>
/// The storage port. Every table is keyed by tenant; every read names its tenant, so one tenant's
/// data cannot be reached with another's name. Events are append-only, enforced by the database.
/// </summary>
internal interface ILedgerStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema.</summary>
    ValueTask InitializeAsync(CancellationToken ct);

    ValueTask<bool> CreateTenantAsync(string tenant, DateTimeOffset at, CancellationToken ct);

    ValueTask<bool> TenantExistsAsync(string tenant, CancellationToken ct);

    ValueTask<IReadOnlyList<string>> ListTenantsAsync(CancellationToken ct);

    ValueTask<ILedgerWriteTransaction> BeginWriteAsync(string tenant, CancellationToken ct);

    /// <summary>
    /// How many submissions a bulk ingest hands the writer at a time (<see cref="Ingest.IngestRunner"/>).
    /// Smaller chunks keep fewer submissions alive at once (cheaper garbage collections); larger ones
    /// mean fewer transactions, which matters where each costs network round trips.
    /// </summary>
    int IngestChunkItems => 1024;

    ValueTask<LogHead> GetHeadAsync(string tenant, CancellationToken ct);

    ValueTask<InvoiceRecord?> GetInvoiceAsync(string tenant, string key, CancellationToken ct);

    IAsyncEnumerable<InvoiceRecord> QueryInvoicesAsync(string tenant, InvoiceQuery query, CancellationToken ct);

    ValueTask<StoredEvent?> GetEventAsync(string tenant, long index, CancellationToken ct);

    /// <summary>Events in log order, from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    IAsyncEnumerable<StoredEvent> ReadEventsAsync(string tenant, long from, long to, CancellationToken ct);

    /// <summary>Every event, ordered by invoice key and then by index; events without a key come first.</summary>
    IAsyncEnumerable<StoredEvent> ReadEventsByKeyAsync(string tenant, CancellationToken ct) =>
        ReadEventsByKeyAsync(tenant, KeyRange.All, ct);

    /// <summary>The events whose key is in <paramref name="range"/>, ordered by key and then by index; events without a key come first.</summary>
    IAsyncEnumerable<StoredEvent> ReadEventsByKeyAsync(string tenant, KeyRange range, CancellationToken ct);

    /// <summary>
    /// Every event in log order as one reused <see cref="EventRow"/> (verify's log pass): valid
    /// until the next row is read. Stores with a cheaper row-by-row read override this.
    /// </summary>
    IAsyncEnumerable<EventRow> ScanEventsAsync(string tenant, CancellationToken ct) =>
        EventRow.From(ReadEventsAsync(tenant, 0, long.MaxValue, ct));

    /// <summary>
    /// The events whose key is in <paramref name="range"/>, in the order of
    /// <see cref="ReadEventsByKeyAsync(string, KeyRange, CancellationToken)"/>, as one reused
    /// <see cref="EventRow"/> (verify's and rebuild's replay).
    /// </summary>
    IAsyncEnumerable<EventRow> ScanEventsByKeyAsync(string tenant, KeyRange range, CancellationToken ct) =>
        EventRow.From(ReadEventsByKeyAsync(tenant, range, ct));

    IAsyncEnumerable<StoredEvent> ReadEventsForKeyAsync(string tenant, string key, CancellationToken ct);

    /// <summary>
    /// The invoice's projection row and its events in log order, read together from one snapshot
    /// (show's read path: one connection, one statement where the store allows); null when the
    /// tenant has no such invoice.
    /// </summary>
    ValueTask<InvoiceHistory?> GetInvoiceHistoryAsync(string tenant, string key, CancellationToken ct);

    /// <summary>The stored hashes (leaf hashes at level 0, complete nodes at multiples of the stride).</summary>
    IStoredHashes Hashes(string tenant);

    IAsyncEnumerable<(int Level, long Index, byte[] Hash)> ReadNodesAsync(string tenant, CancellationToken ct);

    ValueTask<SignedCheckpoint?> GetLatestCheckpointAsync(string tenant, CancellationToken ct);

    IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync(string tenant, CancellationToken ct);

    IAsyncEnumerable<QuarantineItem> ListQuarantineAsync(string tenant, CancellationToken ct);

    /// <summary>
    /// The tenant's quarantined items whose key is one of <paramref name="keys"/>, and with
    /// <paramref name="keyless"/> those that have no key, in id order: what trace asks, read through an
    /// index rather than the whole quarantine.
    /// </summary>
    IAsyncEnumerable<QuarantineItem> ListQuarantineByKeysAsync(string tenant, IReadOnlyCollection<string> keys, bool keyless, CancellationToken ct);

    ValueTask<QuarantineItem?> GetQuarantineAsync(string tenant, long id, CancellationToken ct);

    /// <summary>
    /// Replaces the tenant's whole projection with these rows in one transaction, holding the
    /// tenant's write lock so no ingest interleaves. The log is not touched.
    /// </summary>
    ValueTask<long> ReplaceProjectionAsync(string tenant, IAsyncEnumerable<InvoiceRecord> records, CancellationToken ct);

    /// <summary>The store's own physical check (SQLite: PRAGMA integrity_check); null when sound, else what is wrong.</summary>
    ValueTask<string?> CheckIntegrityAsync(CancellationToken ct);
}
