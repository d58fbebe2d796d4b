using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>A valid inclusion proof and a valid consistency proof over one random tree, for tampering with.</summary>
internal sealed record ProofCase(
    long LeafIndex,
    long Size1,
    long Size2,
    byte[] LeafHash,
    IReadOnlyList<byte[]> InclusionProof,
    IReadOnlyList<byte[]> ConsistencyProof,
    byte[] Root1,
    byte[] Root2)
{
    /// <summary>
    /// A tree of <paramref name="size"/> leaves, the leaf and the older size picked from
    /// <paramref name="pick"/>. The inclusion proof is in the tree of <see cref="Size2"/> leaves.
    /// </summary>
    public static async Task<ProofCase> CreateAsync(int size, int seed, int pick)
    {
        var leaves = LeafHashes.Some(size, seed);
        var source = new FullTreeSource(leaves);
        var index = pick % size;
        var size1 = 1 + pick % size;
        return new ProofCase(
            index,
            size1,
            size,
            leaves[index],
            await MerkleProofs.InclusionAsync(index, size, source, CancellationToken.None),
            await MerkleProofs.ConsistencyAsync(size1, size, source, CancellationToken.None),
            await MerkleProofs.RootAsync(size1, source, CancellationToken.None),
            await MerkleProofs.RootAsync(size, source, CancellationToken.None));
    }

    public bool VerifyInclusion() => MerkleVerifier.VerifyInclusion(LeafIndex, Size2, LeafHash, InclusionProof, Root2);

    public bool VerifyConsistency() => MerkleVerifier.VerifyConsistency(Size1, Size2, ConsistencyProof, Root1, Root2);

    /// <summary>A copy of <paramref name="hash"/> with one bit flipped.</summary>
    public static byte[] Flip(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>A copy of <paramref name="proof"/> with one bit of one element flipped.</summary>
    public static List<byte[]> Flip(IReadOnlyList<byte[]> proof, int element, int bit) =>
        [.. proof.Select((hash, i) => i == element % proof.Count ? Flip(hash, bit) : hash)];
}
