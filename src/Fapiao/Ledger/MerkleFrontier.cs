using System.Numerics;

namespace Fapiao.Ledger;

/// <summary>
/// The compact range of a log: the roots of the complete subtrees given by the binary digits of
/// <see cref="Size"/>, largest first. At most 63 hashes are enough to append leaves and to compute
/// the tree head, so a writer keeps this instead of re-reading the log.
/// </summary>
internal sealed class MerkleFrontier
{
    // The levels follow from Size (CompleteSubtrees.Cover), so only the hashes are kept.
    private readonly List<byte[]> _hashes;

    /// <summary>An empty log.</summary>
    public MerkleFrontier()
        : this(0, [])
    {
    }

    private MerkleFrontier(long size, List<byte[]> hashes)
    {
        Size = size;
        _hashes = hashes;
    }

    /// <summary>The number of leaves in the log.</summary>
    public long Size { get; private set; }

    /// <summary>The subtree roots, largest first; copies, so changing them changes nothing here.</summary>
    public IReadOnlyList<(int Level, byte[] Hash)> Nodes =>
        CompleteSubtrees.Cover(0, Size).Select((node, i) => (node.Level, (byte[])_hashes[i].Clone())).ToList();

    /// <summary>
    /// Rebuilds the frontier of a log of <paramref name="size"/> leaves from <see cref="ToBytes"/>.
    /// </summary>
    /// <exception cref="FormatException">The length is not 32 bytes per set bit of the size.</exception>
    public static MerkleFrontier FromBytes(long size, ReadOnlySpan<byte> bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var count = BitOperations.PopCount((ulong)size);
        if (bytes.Length != count * MerkleHash.Size)
        {
            throw new FormatException(
                $"A frontier of {size} leaves takes {count * MerkleHash.Size} bytes, not {bytes.Length}.");
        }

        var hashes = new List<byte[]>(count);
        for (var offset = 0; offset < bytes.Length; offset += MerkleHash.Size)
        {
            hashes.Add(bytes.Slice(offset, MerkleHash.Size).ToArray());
        }

        return new MerkleFrontier(size, hashes);
    }

    /// <summary>The subtree roots concatenated, largest first; the size is kept elsewhere.</summary>
    public byte[] ToBytes() => _hashes.SelectMany(h => h).ToArray();

    /// <summary>An independent copy.</summary>
    public MerkleFrontier Clone() => new(Size, _hashes.ConvertAll(h => (byte[])h.Clone()));

    /// <summary>
    /// Appends a leaf. <paramref name="onNodeCompleted"/> hears of every complete subtree this leaf
    /// closes at level 1 and above, lowest first, as (level, index, hash), the index counting
    /// subtrees of that level from the left. The hash array is shared: do not modify it.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash, Action<int, long, byte[]>? onNodeCompleted = null)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash has {MerkleHash.Size} bytes.", nameof(leafHash));
        }

        var size = checked(Size + 1);
        var hash = leafHash.ToArray();

        // Each trailing one bit of the old size is a subtree of the same level as the one just
        // formed, so they merge like a binary carry.
        for (var level = 0; ((Size >> level) & 1) == 1; level++)
        {
            hash = MerkleHash.Node(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);

            // The new subtree ends at the new last leaf, so it is the last complete one of its level.
            onNodeCompleted?.Invoke(level + 1, (size >> (level + 1)) - 1, hash);
        }

        _hashes.Add(hash);
        Size = size;
    }

    /// <summary>The tree head: RFC 9162 MTH of all leaves, the empty root when there are none.</summary>
    public byte[] Root() => _hashes.Count switch
    {
        0 => MerkleHash.EmptyRoot,
        1 => (byte[])_hashes[0].Clone(),
        _ => CompleteSubtrees.Fold(_hashes),
    };
}
