using Fapiao.Ledger;
using Fapiao.Ledger.Events;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ingest;

/// <summary>Builds receipts: the event, its inclusion proof, and the signed head the proof leads to.</summary>
internal sealed class ReceiptBuilder(ILedgerStore store, InvoiceValidator validator)
{
    /// <summary>A receipt for a stored event, proved against a stored checkpoint.</summary>
    public async Task<Receipt> BuildAsync(string tenant, string key, long index, SignedCheckpoint checkpoint, CancellationToken ct)
    {
        var stored = await store.GetEventAsync(tenant, index, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Event {index} of tenant {tenant} is missing: run verify.");
        return await BuildAsync(tenant, key, stored, checkpoint, new StridedNodeSource(store.Hashes(tenant), MerkleLayout.Stride), ct).ConfigureAwait(false);
    }

    public async Task<Receipt> BuildAsync(string tenant, string key, StoredEvent stored, SignedCheckpoint checkpoint, INodeSource source, CancellationToken ct)
    {
        var proof = await MerkleProofs.InclusionAsync(stored.Index, checkpoint.Size, source, ct).ConfigureAwait(false);
        var contentHash = EventCodec.Decode(stored.Bytes, validator).ContentHash ?? "";
        return new Receipt(tenant, key, contentHash, stored.Index, stored.Bytes, stored.LeafHash, checkpoint.Size, checkpoint.Root, proof, checkpoint.Body, checkpoint.Signature);
    }
}
