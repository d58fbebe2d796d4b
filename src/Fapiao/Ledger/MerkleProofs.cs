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

        // The RFC recurses from the root down and appends each sibling after the deeper part of
        // the path; walking down and reversing gives the same order without recursion.
        var path = new List<byte[]>();
        long lo = 0, hi = treeSize;
        while (hi - lo > 1)
        {
            var k = LargestPowerOfTwoBelow(hi - lo);
            if (leafIndex < lo + k)
            {
                path.Add(await RangeHashAsync(lo + k, hi, source, ct).ConfigureAwait(false));
                hi = lo + k;
            }
            else
            {
                path.Add(await RangeHashAsync(lo, lo + k, source, ct).ConfigureAwait(false));
                lo += k;
            }
        }

        path.Reverse();
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

        // SUBPROOF(m, D[lo:hi], b), unrolled like the inclusion path. onLeftEdge is the RFC's b:
        // while it holds, the old root is a node the verifier already has and is left out.
        var proof = new List<byte[]>();
        long lo = 0, hi = size2;
        var onLeftEdge = true;
        while (size1 != hi)
        {
            var k = LargestPowerOfTwoBelow(hi - lo);
            if (size1 <= lo + k)
            {
                proof.Add(await RangeHashAsync(lo + k, hi, source, ct).ConfigureAwait(false));
                hi = lo + k;
            }
            else
            {
                proof.Add(await RangeHashAsync(lo, lo + k, source, ct).ConfigureAwait(false));
                lo += k;
                onLeftEdge = false;
            }
        }

        if (!onLeftEdge)
        {
            // The loop can only stop right after narrowing to a left half, so [lo, hi) is a
            // complete subtree ending at size1: one node, not a ragged edge.
            proof.Add(await RangeHashAsync(lo, hi, source, ct).ConfigureAwait(false));
        }

        proof.Reverse();
        return proof;
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
