using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;
using FsCheck.Xunit;

namespace Fapiao.Tests.Ledger;

[Properties(Arbitrary = [typeof(LedgerArbitraries)])]
public sealed class AppendingTreeTests
{
    [Property]
    public async Task Proofs_NewLeavesAfterAnyPrefix_SameAsTheFullTree(LeafCount prefix, LeafCount batch, int seed)
    {
        var (n0, leaves) = Leaves(prefix, batch, seed);
        var full = new FullTreeSource(leaves);
        var sut = CreateSut(leaves, n0);
        var n = leaves.Length;

        sut.Size.ShouldBe(n);
        sut.Root().ShouldBe(await MerkleProofs.RootAsync(n, full, CancellationToken.None));
        (await MerkleProofs.RootAsync(n, sut, CancellationToken.None)).ShouldBe(sut.Root());
        for (var i = n0; i < n; i++)
        {
            (await MerkleProofs.InclusionAsync(i, n, sut, CancellationToken.None))
                .ShouldBe(await MerkleProofs.InclusionAsync(i, n, full, CancellationToken.None));
        }

        if (n0 > 0)
        {
            (await MerkleProofs.ConsistencyAsync(n0, n, sut, CancellationToken.None))
                .ShouldBe(await MerkleProofs.ConsistencyAsync(n0, n, full, CancellationToken.None));
        }
    }

    [Property]
    public void Frontier_AfterTheBatch_IsTheFrontierOfTheWholeLog(LeafCount prefix, LeafCount batch, int seed)
    {
        var (n0, leaves) = Leaves(prefix, batch, seed);
        var whole = Frontiers.Of(leaves);

        var frontier = CreateSut(leaves, n0).Frontier;

        frontier.Size.ShouldBe(whole.Size);
        frontier.ToBytes().ShouldBe(whole.ToBytes());
    }

    [Property]
    public void NewNodesAtLevels_AnyBatch_AreTheNodesItCompletedAtThoseLevels(LeafCount prefix, LeafCount batch, int seed)
    {
        var (n0, leaves) = Leaves(prefix, batch, seed);
        var full = new FullTreeSource(leaves);
        const int Stride = 2;

        var nodes = CreateSut(leaves, n0).NewNodesAtLevels(Stride);

        // A node was completed by the batch exactly when its last leaf is one of the new ones.
        var expected =
            from node in full.Nodes(minLevel: 1)
            where node.Level % Stride == 0 && ((node.Index + 1) << node.Level) > n0
            select $"{node.Level}/{node.Index}/{Convert.ToHexString(node.Hash)}";
        nodes.Select(n => $"{n.Level}/{n.Index}/{Convert.ToHexString(n.Hash)}").ShouldBe(expected);
    }

    [Fact]
    public async Task GetNodeAsync_OldNodeOnTheFrontier_Answers()
    {
        var leaves = LeafHashes.Some(13, seed: 0);
        var full = new FullTreeSource(leaves);
        var sut = CreateSut(leaves, initialSize: 12);

        (await sut.GetNodeAsync(3, 0, CancellationToken.None)).ShouldBe(full.Level(3)[0]);
        (await sut.GetNodeAsync(2, 2, CancellationToken.None)).ShouldBe(full.Level(2)[2]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 11)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(0, 13)]
    [InlineData(4, 0)]
    public async Task GetNodeAsync_NeitherNewNorOnTheOldFrontier_Throws(int level, long index)
    {
        var sut = CreateSut(LeafHashes.Some(13, seed: 0), initialSize: 12);

        await Should.ThrowAsync<InvalidOperationException>(async () => await sut.GetNodeAsync(level, index, CancellationToken.None));
    }

    [Fact]
    public async Task GetNodeAsync_CallerChangesTheHash_TreeKeepsItsOwn()
    {
        var sut = CreateSut(LeafHashes.Some(2, seed: 0), initialSize: 0);
        var root = sut.Root();

        (await sut.GetNodeAsync(1, 0, CancellationToken.None))[0] ^= 1;

        (await sut.GetNodeAsync(1, 0, CancellationToken.None)).ShouldBe(root);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NewNodesAtLevels_StrideNotPositive_Throws(int stride) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CreateSut([], 0).NewNodesAtLevels(stride));

    private static (int InitialSize, byte[][] Leaves) Leaves(LeafCount prefix, LeafCount batch, int seed) =>
        (prefix.Value - 1, LeafHashes.Some(prefix.Value - 1 + batch.Value, seed));

    /// <summary>A tree that starts from the frontier of the first leaves and appends the rest.</summary>
    private static AppendingTree CreateSut(byte[][] leaves, int initialSize)
    {
        var tree = new AppendingTree(Frontiers.Of(leaves[..initialSize]));
        foreach (var leaf in leaves[initialSize..])
        {
            tree.Append(leaf);
        }

        return tree;
    }
}
