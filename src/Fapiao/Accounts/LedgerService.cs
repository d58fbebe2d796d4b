using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Verification;
using Fapiao.Reconciliation;
using Fapiao.Storage;
using Fapiao.Tracing;

namespace Fapiao.Accounts;

/// <summary>
/// The ledger's use cases as a <see cref="Caller"/> runs them: every call acts in the caller's
/// tenant and nowhere else, and checks the caller's role. So the HTTP host (and anything else
/// serving many tenants) cannot reach another tenant's data even by a slip in a handler: it never
/// passes a tenant name, only the caller. What is not in the caller's tenant is "not found" (null).
/// </summary>
internal sealed partial class LedgerService(InvoiceLedger ledger)
{
    public const int MaxPageSize = 1000;

    public InvoiceLedger Ledger => ledger;

    /// <summary>Submits items; the task completes when their outcomes are durable, in input order.</summary>
    public Task<IReadOnlyList<IngestResult>> IngestAsync(Caller caller, IReadOnlyList<Submission> submissions, bool wantReceipts, CancellationToken ct)
    {
        Require(caller, Permission.Submit);
        var items = submissions.Select(s => new WriteItem(s, caller.Actor)).ToList();
        // The events encoded here, on the request's thread, not by the single writer.
        IngestRunner.PrepareHere(caller.Tenant, items);
        return ledger.IngestAsync(caller.Tenant, items, wantReceipts, ct);
    }

    public Task<InvoiceView?> ShowAsync(Caller caller, InvoiceKey key, CancellationToken ct)
    {
        Require(caller, Permission.Read);
        return ledger.ShowAsync(caller.Tenant, key, ct);
    }

    public Task<Receipt?> ReceiptAsync(Caller caller, InvoiceKey key, CancellationToken ct)
    {
        Require(caller, Permission.Read);
        return ledger.ReceiptAsync(caller.Tenant, key, ct);
    }

    /// <summary>One page of invoices in key order, after <see cref="InvoiceQuery.AfterKey"/>; the next page starts after the last key returned.</summary>
    public async Task<IReadOnlyList<InvoiceRecord>> ListAsync(Caller caller, InvoiceQuery query, CancellationToken ct)
    {
        Require(caller, Permission.Read);
        var limit = Math.Clamp(query.Limit ?? 100, 1, MaxPageSize);
        var page = new List<InvoiceRecord>(limit);
        await foreach (var record in ledger.Store.QueryInvoicesAsync(caller.Tenant, query with { Limit = limit }, ct).ConfigureAwait(false))
        {
            page.Add(record);
        }

        return page;
    }

    public async Task<SignedCheckpointView?> CheckpointAsync(Caller caller, CancellationToken ct)
    {
        Require(caller, Permission.Read);
        var checkpoint = await ledger.Store.GetLatestCheckpointAsync(caller.Tenant, ct).ConfigureAwait(false);
        return checkpoint is null ? null : new SignedCheckpointView(checkpoint, ledger.Signer.PublicKeyPem());
    }

    public async Task<long> LogSizeAsync(Caller caller, CancellationToken ct)
    {
        Require(caller, Permission.Read);
        return (await ledger.Store.GetHeadAsync(caller.Tenant, ct).ConfigureAwait(false)).Size;
    }

    /// <summary>The proof that the log at <paramref name="size2"/> (default: now) extends it at <paramref name="size1"/>; null when the sizes are not 1 ≤ from ≤ to ≤ the log's size.</summary>
    public async Task<ConsistencyView?> ConsistencyAsync(Caller caller, long size1, long? size2, CancellationToken ct)
    {
        Require(caller, Permission.ReadProofs);
        var head = await ledger.Store.GetHeadAsync(caller.Tenant, ct).ConfigureAwait(false);
        var to = size2 ?? head.Size;
        if (size1 < 1 || to > head.Size || size1 > to)
        {
            return null;
        }

        return await ledger.ConsistencyAsync(caller.Tenant, size1, to, ct).ConfigureAwait(false);
    }

    /// <summary>One page of quarantined submissions after the id <paramref name="afterId"/>, without their bytes.</summary>
    public async Task<IReadOnlyList<QuarantineItem>> QuarantineAsync(Caller caller, long afterId, int limit, CancellationToken ct)
    {
        Require(caller, Permission.ReadQuarantine);
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var page = new List<QuarantineItem>(limit);
        await foreach (var item in ledger.Store.ListQuarantineAsync(caller.Tenant, ct).ConfigureAwait(false))
        {
            if (item.Id > afterId)
            {
                page.Add(item with { Raw = [] });
                if (page.Count == limit)
                {
                    break;
                }
            }
        }

        return page;
    }

    public async Task<QuarantineItem?> QuarantineItemAsync(Caller caller, long id, CancellationToken ct)
    {
        Require(caller, Permission.ReadQuarantine);
        return await ledger.Store.GetQuarantineAsync(caller.Tenant, id, ct).ConfigureAwait(false);
    }

    public Task<VerifyReport> VerifyAsync(Caller caller, CancellationToken ct)
    {
        Require(caller, Permission.ReadProofs);
        return ledger.VerifyAsync(caller.Tenant, ct);
    }

    public string PublicKeyPem() => ledger.Signer.PublicKeyPem();

    /// <summary>
    /// Reconciles the caller's ledger with other files (as <c>fapiao reconcile --against</c>) and
    /// keeps the run, its actor the caller's. <paramref name="rowReaders"/>: readers the core cannot
    /// hold (XLSX); <paramref name="tempDirectory"/>: where large inputs' sorted runs spill.
    /// </summary>
    public Task<(ReconciliationResult Result, ReconciliationRun Run)> ReconcileAsync(
        Caller caller, IReadOnlyList<ReconInput> other, DatePeriod? period, IReadOnlyDictionary<InputFormat, IInputRowReader>? rowReaders, string? tempDirectory, CancellationToken ct)
    {
        Require(caller, Permission.Reconcile);
        return new ReconciliationService(ledger.Store, ledger.Clock, rowReaders, tempDirectory: tempDirectory)
            .ReconcileLedgerAsync(caller.Tenant, caller.Actor, other, period, ct);
    }

    /// <summary>The caller's runs, newest first, and the differences still open (as <c>fapiao reconcile history</c>).</summary>
    public async Task<(IReadOnlyList<ReconciliationRun> Runs, IReadOnlyList<KeptDifference> Open)> ReconciliationsAsync(Caller caller, CancellationToken ct)
    {
        Require(caller, Permission.Reconcile);
        var store = Runs();
        var runs = await store.ListReconciliationsAsync(caller.Tenant, ct).ToListAsync(ct).ConfigureAwait(false);
        var open = await store.ListDifferencesAsync(caller.Tenant, null, openOnly: true, ct).ToListAsync(ct).ConfigureAwait(false);
        return (runs, open);
    }

    /// <summary>
    /// One run of the caller's tenant with the differences it opened (each open or closed now)
    /// and those it closed; null when the tenant has no run with this id.
    /// </summary>
    public async Task<(ReconciliationRun Run, IReadOnlyList<KeptDifference> Differences)?> ReconciliationAsync(Caller caller, long id, CancellationToken ct)
    {
        Require(caller, Permission.Reconcile);
        var store = Runs();
        if (await store.GetReconciliationAsync(caller.Tenant, id, ct).ConfigureAwait(false) is not { } run)
        {
            return null;
        }

        var differences = await store.ListDifferencesAsync(caller.Tenant, null, openOnly: false, ct)
            .Where(d => d.OpenedRun == id || d.ClosedRun == id)
            .ToListAsync(ct).ConfigureAwait(false);
        return (run, differences);
    }

    /// <summary>"Where is my invoice?" in the caller's tenant (as <c>fapiao trace</c>).</summary>
    public Task<TraceAnswer> TraceAsync(Caller caller, TraceQuery query, CancellationToken ct)
    {
        Require(caller, Permission.Trace);
        return new TraceService(ledger.Store).TraceAsync(caller.Tenant, query, ct);
    }

    private IReconciliationStore Runs() => ledger.Store as IReconciliationStore
        ?? throw new InvalidOperationException("The ledger's store keeps no reconciliation runs.");

    private static void Require(Caller caller, Permission permission)
    {
        if (!caller.Can(permission))
        {
            throw new AccessDeniedException(permission);
        }
    }
}

/// <summary>The latest signed checkpoint with the public key it verifies with.</summary>
internal sealed record SignedCheckpointView(SignedCheckpoint Checkpoint, string PublicKeyPem);
