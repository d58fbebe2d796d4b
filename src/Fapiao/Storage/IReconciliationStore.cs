namespace Fapiao.Storage;

/// <summary>
/// The storage port of reconciliation runs, beside <see cref="ILedgerStore"/> and implemented by
/// the same stores. A run is kept with its inputs' hashes and counts; each difference it finds
/// stays open until a later run whose period covers it no longer finds it. Every read names its
/// tenant.
/// </summary>
internal interface IReconciliationStore
{
    /// <summary>
    /// Records a run and its differences in one transaction: a difference already open is seen
    /// again, a new one is opened, and an open one this run no longer finds (within its period) is
    /// closed. Returns the run with its id and how many it opened and closed.
    /// </summary>
    ValueTask<ReconciliationRun> RecordReconciliationAsync(string tenant, ReconciliationRun run, IReadOnlyList<DifferenceFound> found, CancellationToken ct);

    /// <summary>The tenant's runs, newest first.</summary>
    IAsyncEnumerable<ReconciliationRun> ListReconciliationsAsync(string tenant, CancellationToken ct);

    ValueTask<ReconciliationRun?> GetReconciliationAsync(string tenant, long id, CancellationToken ct);

    /// <summary>Differences, open first then by key; <paramref name="key"/> null for all keys, <paramref name="openOnly"/> to leave closed ones out.</summary>
    IAsyncEnumerable<KeptDifference> ListDifferencesAsync(string tenant, string? key, bool openOnly, CancellationToken ct);

    /// <summary>
    /// Copies runs and differences of another store verbatim (<c>fapiao copy</c>), in one
    /// transaction: a run whose id the tenant already has is left as it is; a difference (key,
    /// class, opening run) is added or takes the given last-seen and closing runs. Returns how many
    /// runs were added.
    /// </summary>
    ValueTask<long> ImportReconciliationsAsync(string tenant, IReadOnlyList<ReconciliationRun> runs, IReadOnlyList<KeptDifference> differences, CancellationToken ct);
}
