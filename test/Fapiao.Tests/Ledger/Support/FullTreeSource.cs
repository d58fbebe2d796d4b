using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>
/// Every complete node of a tree held in memory. Asking for a node that is not complete fails
/// the test, because <see cref="MerkleProofs"/> promises never to.
/// </summary>
internal sealed class FullTreeSource : INodeSource
{
    private readonly List<List<byte[]>> _levels = [];

    public FullTreeSource(IReadOnlyList<byte[]> leafHashes)
    {
        var level = leafHashes.ToList();
        while (level.Count > 0)
        {
            _levels.Add(level);
            level = [.. Enumerable.Range(0, level.Count / 2).Select(i => MerkleHash.Node(level[2 * i], level[2 * i + 1]))];
        }
    }

    public int Requests { get; private set; }

    /// <summary>The complete nodes of one level, left to right.</summary>
    public IReadOnlyList<byte[]> Level(int level) => level < _levels.Count ? _levels[level] : [];

    /// <summary>Every complete node at <paramref name="minLevel"/> and above, by level, then index.</summary>
    public IEnumerable<(int Level, long Index, byte[] Hash)> Nodes(int minLevel = 0) =>
        _levels.Skip(minLevel).SelectMany((hashes, i) => hashes.Select((hash, index) => (minLevel + i, (long)index, hash)));

    public ValueTask<byte[]> GetNodeAsync(int level, long index, CancellationToken ct)
    {
        Requests++;
        if (level >= _levels.Count || index >= _levels[level].Count)
        {
            throw new InvalidOperationException($"Node ({level}, {index}) is not a complete subtree.");
        }

        return ValueTask.FromResult(_levels[level][(int)index]);
    }
}
