using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Fapiao.Ledger;

/// <summary>
/// A batch of leaves appended to a log of which only the frontier is known. It answers the nodes
/// the writer needs to prove the batch (each new leaf's inclusion and the consistency from the old
/// size) and to persist it, without reading storage.
/// </summary>
/// <remarks>
/// Every node such a proof needs either contains a new leaf, and so was formed here, or is one of
/// the old frontier's subtrees. A proof sibling that holds only old leaves is the left half of an
/// aligned node whose right half holds new ones; that is exactly a frontier subtree of the old
/// size (a set bit of n0). The same holds for the left-hand pieces of a consistency proof from n0,
/// and for the last piece, a complete subtree ending at n0. Anything else is refused rather than
/// guessed.
/// </remarks>
internal sealed class AppendingTree : INodeSource
{
    private readonly MerkleFrontier _frontier;
    private readonly long _initialSize;
    private readonly Dictionary<(int Level, long Index), byte[]> _initialNodes = [];

    // _levels[L][j] is node (L, (n0 >> L) + j): the nodes of a level formed after n0 are
    // contiguous and start where the old size's subtrees of that level end.
    private readonly List<List<byte[]>> _levels = [];
    private readonly Action<int, long, byte[]> _record;

    /// <summary>Starts from the frontier of the existing log, which is copied, not kept.</summary>
    public AppendingTree(MerkleFrontier frontier)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        _frontier = frontier.Clone();
        _initialSize = frontier.Size;
        foreach (var ((level, index), (_, hash)) in CompleteSubtrees.Cover(0, _initialSize).Zip(_frontier.Nodes))
        {
            _initialNodes.Add((level, index), hash);
        }

        _record = Record;
    }

    /// <summary>The number of leaves, old and new.</summary>
    public long Size => _frontier.Size;

    /// <summary>The frontier after the batch: a copy, for the writer to keep for the next batch.</summary>
    public MerkleFrontier Frontier => _frontier.Clone();

    /// <summary>Appends one leaf hash.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        var index = _frontier.Size;
        _frontier.Append(leafHash, _record);
        Record(0, index, leafHash.ToArray());
    }

    /// <summary>The tree head after the batch.</summary>
    public byte[] Root() => _frontier.Root();

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The node was neither formed by the batch nor
    /// one of the old frontier's subtrees.</exception>
    public ValueTask<byte[]> GetNodeAsync(int level, long index, CancellationToken ct)
    {
        if (TryGetNew(level, index, out var hash) || _initialNodes.TryGetValue((level, index), out hash))
        {
            // A copy: these hashes are also what the store will persist.
            return ValueTask.FromResult((byte[])hash.Clone());
        }

        throw new InvalidOperationException(
            $"Node ({level}, {index}) lies wholly in the log before leaf {_initialSize} and is not on its frontier.");
    }

    /// <summary>
    /// The complete nodes formed by the batch whose level is a positive multiple of
    /// <paramref name="stride"/>, by level and then index: what the store persists beside the leaves.
    /// </summary>
    public IEnumerable<(int Level, long Index, byte[] Hash)> NewNodesAtLevels(int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        return NewNodesIterator(stride);
    }

    private IEnumerable<(int Level, long Index, byte[] Hash)> NewNodesIterator(int stride)
    {
        for (var level = stride; level < _levels.Count; level += stride)
        {
            var first = _initialSize >> level;
            for (var j = 0; j < _levels[level].Count; j++)
            {
                yield return (level, first + j, (byte[])_levels[level][j].Clone());
            }
        }
    }

    private void Record(int level, long index, byte[] hash)
    {
        while (_levels.Count <= level)
        {
            _levels.Add([]);
        }

        // Nodes of a level complete left to right, so each one lands at the end of its list.
        Debug.Assert(index == (_initialSize >> level) + _levels[level].Count, "Nodes complete in order.");
        _levels[level].Add(hash);
    }

    private bool TryGetNew(int level, long index, [NotNullWhen(true)] out byte[]? hash)
    {
        hash = null;
        if (level < 0 || level >= _levels.Count)
        {
            return false;
        }

        var j = index - (_initialSize >> level);
        if (j < 0 || j >= _levels[level].Count)
        {
            return false;
        }

        hash = _levels[level][(int)j];
        return true;
    }
}
