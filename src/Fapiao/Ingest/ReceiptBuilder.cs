using Fapiao.Ledger;
using Fapiao.Ledger.Events;
using Fapiao.Storage;

namespace Fapiao.Ingest;

/// <summary>Builds receipts: the event, its inclusion proof, and the signed head the proof leads to.</summary>
internal sealed class ReceiptBuilder(ILedgerStore store)
{
    /// <summary>A receipt for a stored event, proved against a stored checkpoint.</summary>
    public Task<Receipt> BuildAsync(string tenant, string key, long index, SignedCheckpoint checkpoint, CancellationToken ct) =>
        BuildAsync(tenant, key, index, checkpoint, StoredNodes(tenant), ct);

    /// <summary>As above, with the tree's nodes from <paramref name="source"/> (one <see cref="StoredNodes"/> shared by many receipts).</summary>
    public async Task<Receipt> BuildAsync(string tenant, string key, long index, SignedCheckpoint checkpoint, INodeSource source, CancellationToken ct)
    {
        var stored = await store.GetEventAsync(tenant, index, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Event {index} of tenant {tenant} is missing: run verify.");
        return await BuildAsync(tenant, key, stored, checkpoint, source, ct).ConfigureAwait(false);
    }

    /// <summary>The tenant's stored tree as a node source.</summary>
    public INodeSource StoredNodes(string tenant) => new StridedNodeSource(store.Hashes(tenant), MerkleLayout.Stride);

    public async Task<Receipt> BuildAsync(string tenant, string key, StoredEvent stored, SignedCheckpoint checkpoint, INodeSource source, CancellationToken ct)
    {
        var proof = await MerkleProofs.InclusionAsync(stored.Index, checkpoint.Size, source, ct).ConfigureAwait(false);
        // Only the event's header is needed here: the invoice inside it is not read again.
        var contentHash = EventCodec.Decode(stored.Bytes, validator: null).ContentHash ?? "";
        return new Receipt(tenant, key, contentHash, stored.Index, stored.Bytes, stored.LeafHash, checkpoint.Size, checkpoint.Root, proof, checkpoint.Body, checkpoint.Signature);
    }
}
