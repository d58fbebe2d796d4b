namespace Fapiao.Ledger;

/// <summary>
/// Answers any complete node from a store that keeps only every <c>stride</c>-th level: node
/// (L, i) is the 2^(L mod stride) stored hashes below it at level L - (L mod stride), read in one
/// range and hashed up. A proof therefore costs O(log n) small range reads.
/// </summary>
internal sealed class StridedNodeSource : INodeSource
{
    /// <summary>The stride the stores use unless told otherwise: at most 8 hashes read per node.</summary>
    public const int DefaultStride = 4;

    /// <summary>The largest stride accepted.</summary>
    public const int MaxStride = 8;

    private readonly IStoredHashes _store;
    private readonly int _stride;

    public StridedNodeSource(IStoredHashes store, int stride = DefaultStride)
    {
        ArgumentNullException.ThrowIfNull(store);

        // A node can need 2^(stride - 1) hashes; past stride 8 (128 hashes, 4 KiB) a read is no
        // longer small.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stride, MaxStride);
        _store = store;
        _stride = stride;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The store returned the wrong number of hashes or a
    /// hash of the wrong length.</exception>
    public async ValueTask<byte[]> GetNodeAsync(int level, long index, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 62);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var height = level % _stride;

        // Shifts are not overflow-checked: make sure the first leaf index fits.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, long.MaxValue >> height);
        var count = 1 << height;
        var from = index << height;
        var stored = await _store.ReadAsync(level - height, from, count, ct).ConfigureAwait(false);
        if (stored.Count != count)
        {
            throw new InvalidDataException(
                $"Store returned {stored.Count} hashes at level {level - height} from {from}, expected {count}.");
        }

        var buffer = new byte[count * MerkleHash.Size];
        for (var i = 0; i < count; i++)
        {
            if (stored[i] is not { Length: MerkleHash.Size })
            {
                throw new InvalidDataException($"Stored hash {from + i} at level {level - height} is not {MerkleHash.Size} bytes.");
            }

            stored[i].CopyTo(buffer, i * MerkleHash.Size);
        }

        // Hash up in place: pair j of one level becomes slot j of the next.
        for (var width = count; width > 1; width /= 2)
        {
            for (var j = 0; j < width / 2; j++)
            {
                MerkleHash.Node(
                    buffer.AsSpan(2 * j * MerkleHash.Size, MerkleHash.Size),
                    buffer.AsSpan((2 * j + 1) * MerkleHash.Size, MerkleHash.Size),
                    buffer.AsSpan(j * MerkleHash.Size, MerkleHash.Size));
            }
        }

        return count == 1 ? buffer : buffer[..MerkleHash.Size];
    }
}
