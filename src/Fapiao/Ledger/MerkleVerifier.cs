namespace Fapiao.Ledger;

/// <summary>
/// Checks inclusion and consistency proofs as RFC 9162 §2.1.3.2 and §2.1.4.2 describe. Pure and
/// total: a malformed proof, hash or size is a failed verification, never an exception, because
/// proofs come from whoever hands over a receipt.
/// </summary>
internal static class MerkleVerifier
{
    /// <summary>Whether <paramref name="proof"/> shows leaf <paramref name="leafIndex"/> is in the tree.</summary>
    public static bool VerifyInclusion(
        long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
        => VerifyInclusion(leafIndex, treeSize, leafHash, proof, root, out _);

    /// <summary>As <see cref="VerifyInclusion(long, long, ReadOnlySpan{byte}, IReadOnlyList{byte[]}, ReadOnlySpan{byte})"/>,
    /// with a short reason for a failure (null when the proof holds).</summary>
    public static bool VerifyInclusion(
        long leafIndex,
        long treeSize,
        ReadOnlySpan<byte> leafHash,
        IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root,
        out string? failure)
    {
        failure = CheckInclusion(leafIndex, treeSize, leafHash, proof, root);
        return failure is null;
    }

    /// <summary>Whether <paramref name="proof"/> shows the tree of <paramref name="size1"/> leaves is a
    /// prefix of the tree of <paramref name="size2"/> leaves.</summary>
    public static bool VerifyConsistency(
        long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
        => VerifyConsistency(size1, size2, proof, root1, root2, out _);

    /// <summary>As <see cref="VerifyConsistency(long, long, IReadOnlyList{byte[]}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>,
    /// with a short reason for a failure (null when the proof holds).</summary>
    public static bool VerifyConsistency(
        long size1,
        long size2,
        IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root1,
        ReadOnlySpan<byte> root2,
        out string? failure)
    {
        failure = CheckConsistency(size1, size2, proof, root1, root2);
        return failure is null;
    }

    private static string? CheckInclusion(
        long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return $"leaf index {leafIndex} is outside a tree of {treeSize} leaves";
        }

        if (leafHash.Length != MerkleHash.Size)
        {
            return $"leaf hash has {leafHash.Length} bytes, not {MerkleHash.Size}";
        }

        if (root.Length != MerkleHash.Size)
        {
            return $"root has {root.Length} bytes, not {MerkleHash.Size}";
        }

        if (CheckElements(proof) is { } malformed)
        {
            return malformed;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (!TryStep(ref fn, ref sn, out var siblingOnLeft))
            {
                return "proof is too long";
            }

            if (siblingOnLeft)
            {
                MerkleHash.Node(p, r, r);
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }
        }

        if (sn != 0)
        {
            return "proof is too short";
        }

        return r.SequenceEqual(root) ? null : "computed root does not match";
    }

    private static string? CheckConsistency(
        long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (size1 < 0 || size2 < size1)
        {
            return $"sizes {size1} and {size2} are not a tree and its extension";
        }

        // RFC 9162 defines these proofs for 0 < size1 only: every log extends the empty one, so a
        // proof from size 0 would prove nothing, and the test vectors reject it even at size2 = 0.
        if (size1 == 0)
        {
            return "a consistency proof from the empty tree proves nothing";
        }

        if (proof is null)
        {
            return "proof is missing";
        }

        if (size1 == size2)
        {
            // The same tree: nothing to prove, so the proof must be empty and the heads identical.
            if (proof.Count != 0)
            {
                return "proof must be empty for equal sizes";
            }

            return root1.SequenceEqual(root2) ? null : "roots differ for equal sizes";
        }

        if (proof.Count == 0)
        {
            return "proof is empty";
        }

        if (root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size)
        {
            return $"roots must be {MerkleHash.Size} bytes";
        }

        if (CheckElements(proof) is { } malformed)
        {
            return malformed;
        }

        // When size1 is a power of two the old tree is a single node on the new tree's left edge,
        // so the proof leaves it out and the verifier starts from root1 (the RFC's prepend step).
        var startsWithRoot1 = (size1 & (size1 - 1)) == 0;
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        (startsWithRoot1 ? root1 : proof[0]).CopyTo(fr);
        fr.CopyTo(sr);
        for (var i = startsWithRoot1 ? 0 : 1; i < proof.Count; i++)
        {
            if (!TryStep(ref fn, ref sn, out var siblingOnLeft))
            {
                return "proof is too long";
            }

            // Only left siblings belong to the old tree; the new one takes every element.
            if (siblingOnLeft)
            {
                MerkleHash.Node(proof[i], fr, fr);
                MerkleHash.Node(proof[i], sr, sr);
            }
            else
            {
                MerkleHash.Node(sr, proof[i], sr);
            }
        }

        if (sn != 0)
        {
            return "proof is too short";
        }

        if (!fr.SequenceEqual(root1))
        {
            return "computed old root does not match";
        }

        return sr.SequenceEqual(root2) ? null : "computed new root does not match";
    }

    /// <summary>
    /// One level of the RFC's walk up the tree: fn is the node's index and sn the last index at
    /// its level. Says on which side the next proof element goes, or fails when the walk has
    /// already reached the root (sn = 0) and the proof is too long.
    /// </summary>
    private static bool TryStep(ref long fn, ref long sn, out bool siblingOnLeft)
    {
        siblingOnLeft = false;
        if (sn == 0)
        {
            return false;
        }

        siblingOnLeft = (fn & 1) == 1 || fn == sn;
        if (siblingOnLeft)
        {
            // The last node of a level, when it is a left child, has no sibling: it moves up
            // unchanged until it is a right child, and the element is that child's left sibling.
            while ((fn & 1) == 0 && fn != 0)
            {
                fn >>= 1;
                sn >>= 1;
            }
        }

        fn >>= 1;
        sn >>= 1;
        return true;
    }

    private static string? CheckElements(IReadOnlyList<byte[]>? proof)
    {
        if (proof is null)
        {
            return "proof is missing";
        }

        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i] is not { Length: MerkleHash.Size })
            {
                return $"proof element {i} is not a {MerkleHash.Size}-byte hash";
            }
        }

        return null;
    }
}
