using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>
/// MTH, PATH and PROOF of RFC 9162 §2.1, written as the RFC's recursive definitions over an
/// in-memory list of leaf hashes: slow, but obviously right, and independent of the
/// implementation under test.
/// </summary>
internal static class RfcReference
{
    public static byte[] Mth(IReadOnlyList<byte[]> leaves, int lo, int hi)
    {
        var n = hi - lo;
        if (n == 0)
        {
            return MerkleHash.EmptyRoot;
        }

        if (n == 1)
        {
            return leaves[lo];
        }

        var k = LargestPowerOfTwoBelow(n);
        return MerkleHash.Node(Mth(leaves, lo, lo + k), Mth(leaves, lo + k, hi));
    }

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> leaves, int lo, int hi)
    {
        var n = hi - lo;
        if (n == 1)
        {
            return [];
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            return [.. Path(m, leaves, lo, lo + k), Mth(leaves, lo + k, hi)];
        }

        return [.. Path(m - k, leaves, lo + k, hi), Mth(leaves, lo, lo + k)];
    }

    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> leaves, int n) => SubProof(m, leaves, 0, n, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> leaves, int lo, int hi, bool b)
    {
        var n = hi - lo;
        if (m == n)
        {
            return b ? [] : [Mth(leaves, lo, hi)];
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            return [.. SubProof(m, leaves, lo, lo + k, b), Mth(leaves, lo + k, hi)];
        }

        return [.. SubProof(m - k, leaves, lo + k, hi, false), Mth(leaves, lo, lo + k)];
    }

    /// <summary>
    /// The shape of PATH(m, D[n]) with the hashes left out: for each split from the root down, R when
    /// the sibling is on the right, L when on the left. The verifier sees only this and the hashes.
    /// </summary>
    public static string PathShape(long m, long n)
    {
        var shape = new System.Text.StringBuilder();
        while (n > 1)
        {
            var k = LargestPowerOfTwoBelow(n);
            shape.Append(m < k ? 'R' : 'L');
            (m, n) = m < k ? (m, k) : (m - k, n - k);
        }

        return shape.ToString();
    }

    /// <summary>
    /// The shape of PROOF(m, D[n]) with the hashes left out: R or L for each split as in
    /// <see cref="PathShape"/>, then T when the old tree's own subtree ends the proof.
    /// </summary>
    public static string ProofShape(long m, long n)
    {
        var shape = new System.Text.StringBuilder();
        var b = true;
        while (m != n)
        {
            var k = LargestPowerOfTwoBelow(n);
            shape.Append(m <= k ? 'R' : 'L');
            (m, n, b) = m <= k ? (m, k, b) : (m - k, n - k, false);
        }

        return b ? shape.ToString() : shape.Append('T').ToString();
    }

    private static int LargestPowerOfTwoBelow(int n) => (int)LargestPowerOfTwoBelow((long)n);

    private static long LargestPowerOfTwoBelow(long n)
    {
        var k = 1L;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
