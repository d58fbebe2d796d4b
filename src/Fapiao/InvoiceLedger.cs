using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ledger;
using Fapiao.Ledger.Events;
using Fapiao.Ledger.Signing;
using Fapiao.Ledger.Verification;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao;

/// <summary>
/// The ledger's use cases, shared by the CLI and the HTTP host: ingest through the single group
/// commit writer, and every read (show, list, receipts, proofs, verify). Neither host holds
/// business logic of its own.
/// </summary>
internal sealed class InvoiceLedger : IAsyncDisposable
{
    private readonly GroupCommitWriter writer;
    private readonly ReceiptBuilder receipts;

    public InvoiceLedger(ILedgerStore store, CheckpointSigner signer, TimeProvider clock)
    {
        Store = store;
        Signer = signer;
        Clock = clock;
        Validator = new InvoiceValidator(clock);
        receipts = new ReceiptBuilder(store, Validator);
        writer = new GroupCommitWriter(store, signer, Validator, clock, receipts);
    }

    public ILedgerStore Store { get; }

    public CheckpointSigner Signer { get; }

    public TimeProvider Clock { get; }

    public InvoiceValidator Validator { get; }

    public GroupCommitWriter Writer => writer;

    /// <summary>Submits items; the task completes when their outcomes are durable, in input order.</summary>
    public Task<IReadOnlyList<IngestResult>> IngestAsync(string tenant, IReadOnlyList<WriteItem> items, bool wantReceipts, CancellationToken ct) =>
        writer.SubmitAsync(tenant, items, wantReceipts, ct);

    public async Task<InvoiceView?> ShowAsync(string tenant, InvoiceKey key, CancellationToken ct)
    {
        var record = await Store.GetInvoiceAsync(tenant, key.ToString(), ct).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var events = new List<StoredEvent>();
        await foreach (var e in Store.ReadEventsForKeyAsync(tenant, key.ToString(), ct).ConfigureAwait(false))
        {
            events.Add(e);
        }

        var content = events.Single(e => e.Index == record.ContentIndex);
        var invoice = EventCodec.Decode(content.Bytes, Validator).Invoice!;
        return new InvoiceView(record, invoice, events);
    }

    public async Task<Receipt?> ReceiptAsync(string tenant, InvoiceKey key, CancellationToken ct)
    {
        var record = await Store.GetInvoiceAsync(tenant, key.ToString(), ct).ConfigureAwait(false);
        var checkpoint = await Store.GetLatestCheckpointAsync(tenant, ct).ConfigureAwait(false);
        if (record is null || checkpoint is null)
        {
            return null;
        }

        return await receipts.BuildAsync(tenant, record.Key, record.ContentIndex, checkpoint, ct).ConfigureAwait(false);
    }

    /// <summary>The consistency proof between two sizes of the log, with both roots.</summary>
    public async Task<ConsistencyView> ConsistencyAsync(string tenant, long size1, long size2, CancellationToken ct)
    {
        var source = new StridedNodeSource(Store.Hashes(tenant), MerkleLayout.Stride);
        var root1 = await MerkleProofs.RootAsync(size1, source, ct).ConfigureAwait(false);
        var root2 = await MerkleProofs.RootAsync(size2, source, ct).ConfigureAwait(false);
        var proof = await MerkleProofs.ConsistencyAsync(size1, size2, source, ct).ConfigureAwait(false);
        return new ConsistencyView(size1, size2, root1, root2, proof);
    }

    public Task<VerifyReport> VerifyAsync(string tenant, CancellationToken ct) =>
        new LedgerVerifier(Store, Signer).VerifyAsync(tenant, ct);

    /// <summary>Recomputes the projection from the log and puts it in place of the stored one.</summary>
    public ValueTask<long> RebuildProjectionAsync(string tenant, CancellationToken ct) =>
        Store.ReplaceProjectionAsync(tenant, ProjectionReplay.ReplayAsync(Store, tenant, null, ct), ct);

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}

/// <summary>One invoice for display: its projection row, its current content and its history.</summary>
internal sealed record InvoiceView(InvoiceRecord Record, Invoice Invoice, IReadOnlyList<StoredEvent> Events);

/// <summary>A consistency proof between two tree sizes.</summary>
internal sealed record ConsistencyView(long Size1, long Size2, byte[] Root1, byte[] Root2, IReadOnlyList<byte[]> Proof);
