using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>
/// A store double: leaf hashes and the nodes at positive multiples of the stride, nothing else.
/// Reading any other level, or past what was stored, fails the test.
/// </summary>
internal sealed class InMemoryStoredHashes : IStoredHashes
{
    private readonly int _stride;
    private readonly Dictionary<int, List<byte[]>> _levels = [];

    public InMemoryStoredHashes(int stride)
    {
        _stride = stride;
    }

    public int Reads { get; private set; }

    public IEnumerable<int> StoredLevels => _levels.Keys.Order();

    /// <summary>Keeps the levels a real store would keep of a whole tree.</summary>
    public static InMemoryStoredHashes Of(FullTreeSource tree, int stride)
    {
        var store = new InMemoryStoredHashes(stride);
        foreach (var (level, index, hash) in tree.Nodes().Where(n => n.Level % stride == 0))
        {
            store.Add(level, index, hash);
        }

        return store;
    }

    public void Add(int level, long index, byte[] hash)
    {
        if (level % _stride != 0)
        {
            throw new InvalidOperationException($"Level {level} is not stored with stride {_stride}.");
        }

        if (!_levels.TryGetValue(level, out var hashes))
        {
            _levels[level] = hashes = [];
        }

        if (index != hashes.Count)
        {
            throw new InvalidOperationException($"Level {level} got index {index}, expected {hashes.Count}.");
        }

        hashes.Add(hash);
    }

    public ValueTask<IReadOnlyList<byte[]>> ReadAsync(int level, long fromIndex, int count, CancellationToken ct)
    {
        Reads++;
        if (level % _stride != 0 || !_levels.TryGetValue(level, out var hashes) || fromIndex + count > hashes.Count)
        {
            throw new InvalidOperationException($"Level {level} [{fromIndex}, +{count}) was never stored.");
        }

        return ValueTask.FromResult<IReadOnlyList<byte[]>>(hashes.GetRange((int)fromIndex, count));
    }
}
