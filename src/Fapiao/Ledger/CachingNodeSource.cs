namespace Fapiao.Ledger;

/// <summary>
/// Remembers every node another source answered: for many proofs against one tree size (the
/// receipts of a batch of duplicates), which share most of their upper nodes. Complete subtrees
/// never change, so a remembered node is never stale; the cache lives as long as its user.
/// </summary>
internal sealed class CachingNodeSource(INodeSource inner) : INodeSource
{
    private readonly Dictionary<(int Level, long Index), byte[]> nodes = [];

    /// <summary>How many nodes were asked of the source underneath (for tests).</summary>
    public int Misses { get; private set; }

    public async ValueTask<byte[]> GetNodeAsync(int level, long index, CancellationToken ct)
    {
        if (!nodes.TryGetValue((level, index), out var hash))
        {
            hash = await inner.GetNodeAsync(level, index, ct).ConfigureAwait(false);
            nodes[(level, index)] = hash;
            Misses++;
        }

        return hash;
    }
}
