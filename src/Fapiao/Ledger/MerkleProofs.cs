using System.Numerics;

namespace Fapiao.Ledger;

/// <summary>
/// Tree heads and proofs of RFC 9162 §2.1 (MTH, PATH, PROOF) for the first n leaves of a log,
/// computed from complete subtree hashes so that a proof costs O(log n) node reads.
/// </summary>
internal static class MerkleProofs
{
    /// <summary>MTH of the first <paramref name="size"/> leaves; the empty root for 0.</summary>
    public static async ValueTask<byte[]> RootAsync(long size, INodeSource source, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(source);
        return size == 0 ? MerkleHash.EmptyRoot : await RangeHashAsync(0, size, source, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// PATH(leafIndex, D[treeSize]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to
    /// the root.
    /// </summary>
    public static async ValueTask<IReadOnlyList<byte[]>> InclusionAsync(
        long leafIndex, long treeSize, INodeSource source, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        ArgumentNullException.ThrowIfNull(source);

        var (path, _) = await DescendAsync(leafIndex, treeSize, static (lo, hi) => hi - lo == 1, source, ct).ConfigureAwait(false);
        return path;
    }

    /// <summary>
    /// PROOF(size1, D[size2]) of RFC 9162 §2.1.4.1 that the tree of <paramref name="size1"/> leaves
    /// is a prefix of the tree of <paramref name="size2"/>; empty when the sizes are equal.
    /// </summary>
    public static async ValueTask<IReadOnlyList<byte[]>> ConsistencyAsync(
        long size1, long size2, INodeSource source, CancellationToken ct)
    {
        // RFC 9162 defines the proof for 0 < size1 only: every tree extends the empty one.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
        ArgumentNullException.ThrowIfNull(source);

        // SUBPROOF goes left exactly when the last old leaf is in the left half, and stops at the
        // subtree that ends with the old tree.
        var (proof, lo) = await DescendAsync(size1 - 1, size2, (_, hi) => hi == size1, source, ct).ConfigureAwait(false);
        if (lo > 0)
        {
            // The RFC's b is false: the walk went right at least once, so the old tree is not a
            // node the verifier already has. That last subtree is a complete left half ending at
            // size1 (a walk never stops right after going right, as hi is then unchanged).
            proof.Insert(0, await RangeHashAsync(lo, size1, source, ct).ConfigureAwait(false));
        }

        return proof;
    }

    /// <summary>
    /// Walks from the whole tree [0, size) down the halves that hold leaf <paramref name="target"/>
    /// until <paramref name="isDone"/> holds for the current range, taking the hash of each half
    /// left behind. Returns those hashes deepest first, the order of the RFC's recursion, and where
    /// the final range starts.
    /// </summary>
    private static async ValueTask<(List<byte[]> Siblings, long Lo)> DescendAsync(
        long target, long size, Func<long, long, bool> isDone, INodeSource source, CancellationToken ct)
    {
        var siblings = new List<byte[]>();
        long lo = 0, hi = size;
        while (!isDone(lo, hi))
        {
            var k = LargestPowerOfTwoBelow(hi - lo);
            if (target < lo + k)
            {
                siblings.Add(await RangeHashAsync(lo + k, hi, source, ct).ConfigureAwait(false));
                hi = lo + k;
            }
            else
            {
                siblings.Add(await RangeHashAsync(lo, lo + k, source, ct).ConfigureAwait(false));
                lo += k;
            }
        }

        siblings.Reverse();
        return (siblings, lo);
    }

    /// <summary>
    /// MTH(D[lo:hi]) where lo is aligned to the largest power of two in hi - lo, as every range
    /// of the RFC's recursion is; only complete subtrees are asked of the source.
    /// </summary>
    private static async ValueTask<byte[]> RangeHashAsync(long lo, long hi, INodeSource source, CancellationToken ct)
    {
        var pieces = new List<byte[]>(64);
        foreach (var (level, index) in CompleteSubtrees.Cover(lo, hi))
        {
            pieces.Add(await source.GetNodeAsync(level, index, ct).ConfigureAwait(false));
        }

        return CompleteSubtrees.Fold(pieces);
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n &gt; 1): the RFC's k.</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
