using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Fapiao.Tests.Ledger;

[Properties(Arbitrary = [typeof(LedgerArbitraries)])]
public sealed class MerkleVerifierTests
{
    [Property]
    public async Task VerifyInclusion_ProofBitFlipped_Fails(LeafCount size, int seed, NonNegativeInt pick, NonNegativeInt element, NonNegativeInt bit)
    {
        var sut = await CreateSut(size, seed, pick);

        sut.VerifyInclusion().ShouldBeTrue();
        (sut with { InclusionProof = ProofCase.Flip(sut.InclusionProof, element.Get, bit.Get) }).VerifyInclusion().ShouldBeFalse();
    }

    [Property]
    public async Task VerifyInclusion_LeafOrRootBitFlipped_Fails(LeafCount size, int seed, NonNegativeInt pick, NonNegativeInt bit)
    {
        var sut = await CreateSut(size, seed, pick);

        (sut with { LeafHash = ProofCase.Flip(sut.LeafHash, bit.Get) }).VerifyInclusion().ShouldBeFalse();
        (sut with { Root2 = ProofCase.Flip(sut.Root2, bit.Get) }).VerifyInclusion().ShouldBeFalse();
    }

    [Property]
    public async Task VerifyInclusion_IndexOffByOne_Fails(LeafCount size, int seed, NonNegativeInt pick)
    {
        var sut = await CreateSut(size, seed, pick);

        (sut with { LeafIndex = sut.LeafIndex + 1 }).VerifyInclusion().ShouldBeFalse();
        (sut with { LeafIndex = sut.LeafIndex - 1 }).VerifyInclusion().ShouldBeFalse();
    }

    /// <summary>
    /// The RFC 9162 algorithm sees the size only through the shape of the path, so a size that
    /// gives the leaf the same path (leaf 0 of 3 and of 4, say) verifies too: the signed tree head
    /// is what binds the size. Any other size fails.
    /// </summary>
    [Property]
    public async Task VerifyInclusion_SizeOffByOne_FailsUnlessThePathShapeIsTheSame(LeafCount size, int seed, NonNegativeInt pick)
    {
        var sut = await CreateSut(size, seed, pick);

        foreach (var changed in new[] { sut.Size2 - 1, sut.Size2 + 1 })
        {
            var samePath = changed > sut.LeafIndex
                && RfcReference.PathShape(sut.LeafIndex, changed) == RfcReference.PathShape(sut.LeafIndex, sut.Size2);

            (sut with { Size2 = changed }).VerifyInclusion().ShouldBe(samePath, $"size {changed}");
        }
    }

    [Property]
    public async Task VerifyConsistency_ProofBitFlipped_Fails(LeafCount size, int seed, NonNegativeInt pick, NonNegativeInt element, NonNegativeInt bit)
    {
        var sut = await CreateSut(size, seed, pick);
        if (sut.ConsistencyProof.Count == 0)
        {
            return; // size1 == size2: nothing to flip.
        }

        sut.VerifyConsistency().ShouldBeTrue();
        (sut with { ConsistencyProof = ProofCase.Flip(sut.ConsistencyProof, element.Get, bit.Get) }).VerifyConsistency().ShouldBeFalse();
    }

    [Property]
    public async Task VerifyConsistency_RootBitFlipped_Fails(LeafCount size, int seed, NonNegativeInt pick, NonNegativeInt bit)
    {
        var sut = await CreateSut(size, seed, pick);

        (sut with { Root1 = ProofCase.Flip(sut.Root1, bit.Get) }).VerifyConsistency().ShouldBeFalse();
        (sut with { Root2 = ProofCase.Flip(sut.Root2, bit.Get) }).VerifyConsistency().ShouldBeFalse();
    }

    /// <summary>As for inclusion, a size is bound only as far as it shapes the proof.</summary>
    [Property]
    public async Task VerifyConsistency_SizeOffByOne_FailsUnlessTheProofShapeIsTheSame(LeafCount size, int seed, NonNegativeInt pick)
    {
        var sut = await CreateSut(size, seed, pick);
        var shape = RfcReference.ProofShape(sut.Size1, sut.Size2);

        foreach (var (size1, size2) in new[]
                 {
                     (sut.Size1 - 1, sut.Size2), (sut.Size1 + 1, sut.Size2),
                     (sut.Size1, sut.Size2 - 1), (sut.Size1, sut.Size2 + 1),
                 })
        {
            var sameProof = size1 > 0 && size1 <= size2 && RfcReference.ProofShape(size1, size2) == shape;

            (sut with { Size1 = size1, Size2 = size2 }).VerifyConsistency().ShouldBe(sameProof, $"sizes {size1}, {size2}");
        }
    }

    public static TheoryData<string, long, long, int[], int, int> MalformedInclusions() => new()
    {
        // name, leafIndex, treeSize, proof element lengths (-1: null), leaf length, root length
        { "negative index", -1, 4, [32, 32], 32, 32 },
        { "index = size", 4, 4, [32, 32], 32, 32 },
        { "negative size", 0, -4, [32, 32], 32, 32 },
        { "huge size", 0, long.MaxValue, [32, 32], 32, 32 },
        { "short element", 0, 4, [32, 31], 32, 32 },
        { "long element", 0, 4, [33, 32], 32, 32 },
        { "null element", 0, 4, [32, -1], 32, 32 },
        { "short leaf", 0, 4, [32, 32], 31, 32 },
        { "empty root", 0, 4, [32, 32], 32, 0 },
        { "proof too short", 0, 4, [32], 32, 32 },
        { "proof too long", 0, 4, [32, 32, 32], 32, 32 },
        { "empty proof", 0, 4, [], 32, 32 },
    };

    [Theory]
    [MemberData(nameof(MalformedInclusions))]
    public void VerifyInclusion_Malformed_FailsWithReason(string name, long leafIndex, long treeSize, int[] proofLengths, int leafLength, int rootLength)
    {
        var valid = MerkleVerifier.VerifyInclusion(
            leafIndex, treeSize, new byte[leafLength], Hashes(proofLengths), new byte[rootLength], out var failure);

        valid.ShouldBeFalse(name);
        failure.ShouldNotBeNullOrWhiteSpace();
    }

    public static TheoryData<string, long, long, int[], int, int> MalformedConsistencies() => new()
    {
        // name, size1, size2, proof element lengths (-1: null), root1 length, root2 length
        { "size1 > size2", 5, 4, [32, 32], 32, 32 },
        { "negative size1", -1, 4, [32, 32], 32, 32 },
        { "from empty tree", 0, 4, [], 32, 32 },
        { "huge size2", 3, long.MaxValue, [32, 32], 32, 32 },
        { "short element", 3, 4, [32, 31], 32, 32 },
        { "null element", 3, 4, [-1, 32], 32, 32 },
        { "short root1", 3, 4, [32, 32, 32], 31, 32 },
        { "short root2", 3, 4, [32, 32, 32], 32, 31 },
        { "empty proof", 3, 4, [], 32, 32 },
        { "proof too long", 3, 4, [32, 32, 32, 32], 32, 32 },
        { "equal sizes, non-empty proof", 4, 4, [32], 32, 32 },
    };

    [Theory]
    [MemberData(nameof(MalformedConsistencies))]
    public void VerifyConsistency_Malformed_FailsWithReason(string name, long size1, long size2, int[] proofLengths, int root1Length, int root2Length)
    {
        var valid = MerkleVerifier.VerifyConsistency(
            size1, size2, Hashes(proofLengths), new byte[root1Length], new byte[root2Length], out var failure);

        valid.ShouldBeFalse(name);
        failure.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void VerifyInclusion_NullProof_Fails() =>
        MerkleVerifier.VerifyInclusion(0, 1, new byte[32], null!, new byte[32]).ShouldBeFalse();

    [Fact]
    public void VerifyConsistency_NullProof_Fails() =>
        MerkleVerifier.VerifyConsistency(1, 2, null!, new byte[32], new byte[32]).ShouldBeFalse();

    [Fact]
    public void VerifyInclusion_SingleLeafTree_RootIsTheLeaf()
    {
        var leaf = MerkleHash.Leaf([7]);

        MerkleVerifier.VerifyInclusion(0, 1, leaf, [], leaf, out var failure).ShouldBeTrue();
        failure.ShouldBeNull();
    }

    private static List<byte[]> Hashes(int[] lengths) => [.. lengths.Select(n => n < 0 ? null! : new byte[n])];

    private static Task<ProofCase> CreateSut(LeafCount size, int seed, NonNegativeInt pick) =>
        ProofCase.CreateAsync(Math.Max(size.Value, 2), seed, pick.Get);
}
