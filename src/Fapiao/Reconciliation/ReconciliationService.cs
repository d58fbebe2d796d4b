using System.Globalization;
using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger;
using Fapiao.Storage;

namespace Fapiao.Reconciliation;

/// <summary>
/// The reconciliation use cases, for the CLI and the HTTP layer alike: inputs are streams, results
/// plain records. A file side is read into compact rows (see <see cref="FileSide"/>), then sorted by
/// key with bounded memory (see <see cref="RowSorter"/>); the ledger side is read from the store in
/// key order. A run against
/// the ledger is kept with its differences (<see cref="IReconciliationStore"/>).
/// </summary>
/// <param name="store">The ledger (null to compare files only); it must also keep runs (<see cref="IReconciliationStore"/>) for a ledger reconciliation.</param>
/// <param name="clock">Stamps the runs kept.</param>
/// <param name="rowReaders">Readers the core cannot hold (XLSX), from the host.</param>
/// <param name="runSize">Rows held in memory per sorted run, per side.</param>
/// <param name="tempDirectory">Where sorted runs are spilled; the system's temp folder when null.</param>
internal sealed class ReconciliationService(
    ILedgerStore? store,
    TimeProvider clock,
    IReadOnlyDictionary<InputFormat, IInputRowReader>? rowReaders = null,
    int runSize = RowSorter.DefaultRunSize,
    string? tempDirectory = null)
{
    /// <summary>Compares two sets of files; nothing is recorded.</summary>
    public async Task<ReconciliationResult> CompareFilesAsync(IReadOnlyList<ReconInput> left, IReadOnlyList<ReconInput> right, DatePeriod? period, CancellationToken ct)
    {
        using var leftSide = new FileSide(left, "left", rowReaders, runSize, tempDirectory);
        using var rightSide = new FileSide(right, "right", rowReaders, runSize, tempDirectory);
        // Only the fields both sides can state are fingerprinted: a field one side never states is never compared.
        var compared = leftSide.Prepare() & rightSide.Prepare();
        // The two sides are read and sorted at the same time, each on its own thread.
        var leftTask = Task.Run(() => leftSide.Read(compared, period), ct);
        var rightTask = Task.Run(() => rightSide.Read(compared, period), ct);
        // Both finish before either's failure is thrown: no side is disposed under a running reader.
        await Task.WhenAll(leftTask, rightTask).ConfigureAwait(false);
        var reconciler = await MergeAsync(leftSide, rightSide, period, ct).ConfigureAwait(false);
        return reconciler.Result(leftSide.Side, rightSide.Side, [.. leftSide.Unreadable, .. rightSide.Unreadable]);
    }

    /// <summary>Merges two read and sorted sides: their compact rows first, then the rows kept unpacked.</summary>
    private static async Task<Reconciler> MergeAsync(FileSide left, FileSide right, DatePeriod? period, CancellationToken ct)
    {
        var reconciler = new Reconciler(period);
        using (var l = left.Sorted())
        using (var r = right.Sorted())
        {
            await reconciler.MergeAsync(l, r, ct).ConfigureAwait(false);
        }

        await reconciler.MergeAsync(left.UnpackedSorted().ToAsyncEnumerable(), right.UnpackedSorted().ToAsyncEnumerable(), ct).ConfigureAwait(false);
        return reconciler;
    }

    /// <summary>Compares the tenant's ledger (left) with other files (right) and keeps the run.</summary>
    public async Task<(ReconciliationResult Result, ReconciliationRun Run)> ReconcileLedgerAsync(string tenant, string actor, IReadOnlyList<ReconInput> other, DatePeriod? period, CancellationToken ct)
    {
        if (store is not IReconciliationStore runs)
        {
            throw new InvalidOperationException("A ledger reconciliation needs a store that keeps reconciliation runs.");
        }

        using var rightSide = new FileSide(other, "right", rowReaders, runSize, tempDirectory);
        using var ledgerSide = new FileSide([], "left", rowReaders, runSize, tempDirectory);
        // The ledger states every compared field.
        var compared = rightSide.Prepare();
        // Invoices written after the head is read are not part of this run (the hash names the size read).
        var head = await store.GetHeadAsync(tenant, ct).ConfigureAwait(false);
        var root = MerkleFrontier.FromBytes(head.Size, head.Frontier).Root();
        var leftSide = new ReconSide($"ledger:{tenant}@{head.Size}", 0, 0, Convert.ToHexStringLower(root));
        // The ledger and the other side are read at the same time, each on its own thread.
        var ledgerTask = Task.Run(() => ledgerSide.KeepAsync(LedgerRecordsAsync(tenant, head.Size, ct), compared, period, ct), ct);
        var rightTask = Task.Run(() => rightSide.Read(compared, period), ct);
        await Task.WhenAll(ledgerTask, rightTask).ConfigureAwait(false);
        var reconciler = await MergeAsync(ledgerSide, rightSide, period, ct).ConfigureAwait(false);
        var result = reconciler.Result(leftSide, rightSide.Side, rightSide.Unreadable);
        var run = new ReconciliationRun
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            LeftName = result.Left.Name,
            LeftSha256 = result.Left.Sha256,
            LeftCount = result.Left.Count,
            RightName = result.Right.Name,
            RightSha256 = result.Right.Sha256,
            RightCount = result.Right.Count,
            PeriodFrom = period?.From,
            PeriodTo = period?.To,
            Matched = result.Matched,
            MissingInLedger = result.MissingInLedger.Count,
            MissingInOther = result.MissingInOther.Count,
            Mismatched = result.Mismatched.Count,
            Duplicates = result.Duplicates.Count,
            Suggestions = result.Suggestions.Count,
            Unreadable = result.Unreadable.Count,
        };
        var kept = await runs.RecordReconciliationAsync(tenant, run, DifferencesOf(result), ct).ConfigureAwait(false);
        return (result, kept);
    }

    /// <summary>What a run keeps of each difference: enough for people and for <c>fapiao trace</c> to cite.</summary>
    public static List<DifferenceFound> DifferencesOf(ReconciliationResult result)
    {
        var found = new List<DifferenceFound>();
        found.AddRange(result.MissingInLedger.Select(r => new DifferenceFound(r.Key, DifferenceClasses.MissingInLedger, r.IssueDate, $"in {r.Source} ({result.Right.Name}) only{Summary(r)}", r.Total)));
        found.AddRange(result.MissingInOther.Select(r => new DifferenceFound(r.Key, DifferenceClasses.MissingInOther, r.IssueDate, $"in {r.Source} ({result.Left.Name}) only, not in {result.Right.Name}{Summary(r)}", r.Total)));
        found.AddRange(result.Mismatched.Select(m => new DifferenceFound(m.Key, DifferenceClasses.Mismatched, m.Left.IssueDate ?? m.Right.IssueDate,
            $"{m.Left.Source} / {m.Right.Source}: " + string.Join("; ", m.Fields.Select(f => $"{f.Field} {f.Left} / {f.Right}")), m.Left.Total)));
        found.AddRange(result.Duplicates.Select(d => new DifferenceFound(d.Key, DifferenceClasses.Duplicate, d.Left.Concat(d.Right).Select(r => r.IssueDate).FirstOrDefault(x => x is not null),
            $"{d.Left.Count} row(s) in {result.Left.Name}, {d.Right.Count} in {result.Right.Name}: " + string.Join(", ", d.Left.Concat(d.Right).Select(r => r.Source)))));
        return found;
    }

    private static string Summary(ReconRecord r) =>
        (r.IssueDate is { } d ? ", issued " + RecordComparer.Date(d) : "") + (r.Total is { } t ? ", total " + RecordComparer.MoneyText(t) : "");

    private async IAsyncEnumerable<ReconRecord> LedgerRecordsAsync(string tenant, long size, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in store!.QueryInvoicesAsync(tenant, new InvoiceQuery(), ct).ConfigureAwait(false))
        {
            if (r.FirstIndex >= size)
            {
                continue;
            }

            yield return new ReconRecord(r.Key, "ledger#" + r.ContentIndex.ToString(CultureInfo.InvariantCulture), r.IssueDate, r.SellerTaxId, r.BuyerTaxId, r.Amount, r.Tax, r.Total, r.State.ToText());
        }
    }
}
