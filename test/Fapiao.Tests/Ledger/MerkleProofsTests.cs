using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Fapiao.Tests.Ledger;

[Properties(Arbitrary = [typeof(LedgerArbitraries)])]
public sealed class MerkleProofsTests
{
    [Property]
    public async Task RootAsync_AnyTree_IsTheRfcMth(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);

        var root = await MerkleProofs.RootAsync(leaves.Length, CreateSut(leaves), CancellationToken.None);

        root.ShouldBe(RfcReference.Mth(leaves, 0, leaves.Length));
    }

    [Property]
    public async Task InclusionAsync_EveryLeaf_IsTheRfcPathAndVerifies(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var sut = CreateSut(leaves);
        var root = await MerkleProofs.RootAsync(leaves.Length, sut, CancellationToken.None);

        for (var i = 0; i < leaves.Length; i++)
        {
            var proof = await MerkleProofs.InclusionAsync(i, leaves.Length, sut, CancellationToken.None);

            proof.ShouldBe(RfcReference.Path(i, leaves, 0, leaves.Length));
            MerkleVerifier.VerifyInclusion(i, leaves.Length, leaves[i], proof, root, out var failure).ShouldBeTrue(failure);
        }
    }

    [Property]
    public async Task ConsistencyAsync_EveryOlderSize_IsTheRfcProofAndVerifies(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var sut = CreateSut(leaves);
        var root2 = await MerkleProofs.RootAsync(leaves.Length, sut, CancellationToken.None);

        for (var m = 1; m <= leaves.Length; m++)
        {
            var root1 = await MerkleProofs.RootAsync(m, sut, CancellationToken.None);
            var proof = await MerkleProofs.ConsistencyAsync(m, leaves.Length, sut, CancellationToken.None);

            proof.ShouldBe(RfcReference.Proof(m, leaves, leaves.Length));
            MerkleVerifier.VerifyConsistency(m, leaves.Length, proof, root1, root2, out var failure).ShouldBeTrue(failure);
        }
    }

    [Fact]
    public async Task InclusionAsync_LargeTree_ReadsLogarithmicallyManyNodes()
    {
        var sut = CreateSut(LeafHashes.Some(1000, seed: 1));

        await MerkleProofs.InclusionAsync(999, 1000, sut, CancellationToken.None);

        // Ten levels; each sibling on the ragged right edge is at most a few pieces.
        sut.Requests.ShouldBeLessThanOrEqualTo(2 * 10);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task RootAsync_NegativeSize_Throws(long size) =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            async () => await MerkleProofs.RootAsync(size, CreateSut([]), CancellationToken.None));

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(0, 0)]
    [InlineData(0, -1)]
    public async Task InclusionAsync_IndexOutsideTree_Throws(long leafIndex, long treeSize) =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            async () => await MerkleProofs.InclusionAsync(leafIndex, treeSize, CreateSut(LeafHashes.Some(4, 0)), CancellationToken.None));

    [Theory]
    [InlineData(0, 4)]
    [InlineData(0, 0)]
    [InlineData(-1, 4)]
    [InlineData(5, 4)]
    [InlineData(2, 1)]
    public async Task ConsistencyAsync_SizesNotOldAndNew_Throws(long size1, long size2) =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            async () => await MerkleProofs.ConsistencyAsync(size1, size2, CreateSut(LeafHashes.Some(4, 0)), CancellationToken.None));

    [Fact]
    public async Task ConsistencyAsync_EqualSizes_IsEmpty()
    {
        var proof = await MerkleProofs.ConsistencyAsync(3, 3, CreateSut(LeafHashes.Some(3, 0)), CancellationToken.None);

        proof.ShouldBeEmpty();
    }

    [Fact]
    public async Task RootAsync_Empty_IsEmptyRoot() =>
        (await MerkleProofs.RootAsync(0, CreateSut([]), CancellationToken.None)).ShouldBe(MerkleHash.EmptyRoot);

    private static FullTreeSource CreateSut(byte[][] leaves) => new(leaves);
}
