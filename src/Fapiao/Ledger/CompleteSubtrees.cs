namespace Fapiao.Ledger;

/// <summary>
/// Splits a leaf range into complete aligned subtrees by the binary digits of its length, largest
/// first: the shape of a tree head's right edge and of a compact range.
/// </summary>
internal static class CompleteSubtrees
{
    /// <summary>
    /// The (level, index) of each complete subtree covering [lo, hi), left to right.
    /// <paramref name="lo"/> must be a multiple of the largest piece, as it is for every prefix of
    /// a log and for every range in the RFC 9162 recursion.
    /// </summary>
    public static IEnumerable<(int Level, long Index)> Cover(long lo, long hi)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lo);
        ArgumentOutOfRangeException.ThrowIfLessThan(hi, lo);
        return CoverIterator(lo, hi);
    }

    /// <summary>
    /// MTH of a range from the roots of its <see cref="Cover"/> pieces, left to right. MTH splits
    /// off the largest complete subtree first, so the pieces fold together from the right. A single
    /// piece is returned as it is.
    /// </summary>
    public static byte[] Fold(IReadOnlyList<byte[]> roots)
    {
        ArgumentOutOfRangeException.ThrowIfZero(roots.Count);
        var hash = roots[^1];
        for (var i = roots.Count - 2; i >= 0; i--)
        {
            hash = MerkleHash.Node(roots[i], hash);
        }

        return hash;
    }

    private static IEnumerable<(int Level, long Index)> CoverIterator(long lo, long hi)
    {
        var start = lo;
        for (var level = 62; level >= 0; level--)
        {
            var width = 1L << level;
            if (((hi - lo) & width) == 0)
            {
                continue;
            }

            if (start % width != 0)
            {
                throw new ArgumentException($"Range [{lo}, {hi}) is not aligned to its largest subtree.", nameof(lo));
            }

            yield return (level, start / width);
            start += width;
        }
    }
}
