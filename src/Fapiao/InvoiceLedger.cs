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
        receipts = new ReceiptBuilder(store);
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

    /// <summary>
    /// One invoice for display, from one store read (row and events together). The invoice's stored
    /// canonical bytes are kept as they are; they are decoded (and validated) only when a caller asks
    /// for <see cref="InvoiceView.Invoice"/>: the JSON shape writes the bytes themselves.
    /// </summary>
    public async Task<InvoiceView?> ShowAsync(string tenant, InvoiceKey key, CancellationToken ct)
    {
        var history = await Store.GetInvoiceHistoryAsync(tenant, key.ToString(), ct).ConfigureAwait(false);
        if (history is null)
        {
            return null;
        }

        var content = history.Events.Single(e => e.Index == history.Record.ContentIndex);
        return new InvoiceView(history.Record, EventCodec.InvoiceJson(content.Bytes), history.Events, Validator);
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

    public Task<VerifyReport> VerifyAsync(string tenant, CancellationToken ct, bool physical = false) =>
        new LedgerVerifier(Store, Signer).VerifyAsync(tenant, physical, ct);

    /// <summary>Recomputes the projection from the log and puts it in place of the stored one.</summary>
    public ValueTask<long> RebuildProjectionAsync(string tenant, CancellationToken ct) =>
        Store.ReplaceProjectionAsync(tenant, ProjectionReplay.ReplayAsync(Store, tenant, KeyRange.All, null, ct), ct);

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}

/// <summary>
/// One invoice for display: its projection row, its current content and its history. The content is
/// held as its canonical JSON bytes (<see cref="InvoiceJson"/>, covered by the content hash and the
/// Merkle tree); <see cref="Invoice"/> decodes and validates them on first use.
/// </summary>
internal sealed class InvoiceView(InvoiceRecord record, ReadOnlyMemory<byte> invoiceJson, IReadOnlyList<StoredEvent> events, InvoiceValidator validator)
{
    private Invoice? invoice;

    public InvoiceRecord Record => record;

    /// <summary>The invoice's canonical JSON, exactly as stored in its content event.</summary>
    public ReadOnlyMemory<byte> InvoiceJson => invoiceJson;

    public IReadOnlyList<StoredEvent> Events => events;

    public Invoice Invoice => invoice ??= EventCodec.DecodeInvoice(invoiceJson, validator);
}

/// <summary>A consistency proof between two tree sizes.</summary>
internal sealed record ConsistencyView(long Size1, long Size2, byte[] Root1, byte[] Root2, IReadOnlyList<byte[]> Proof);
