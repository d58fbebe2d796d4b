using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Fapiao.Tests.Ledger;

[Properties(Arbitrary = [typeof(LedgerArbitraries)])]
public sealed class StridedNodeSourceTests
{
    [Property]
    public async Task GetNodeAsync_StrideFourStore_EveryNodeAsTheFullTreeInOneRead(LeafCount size, int seed)
    {
        var full = new FullTreeSource(LeafHashes.Some(size.Value, seed));
        var store = InMemoryStoredHashes.Of(full, stride: 4);
        var sut = CreateSut(store);

        store.StoredLevels.ShouldBeSubsetOf([0, 4, 8]);
        foreach (var (level, index, hash) in full.Nodes())
        {
            var reads = store.Reads;

            (await sut.GetNodeAsync(level, index, CancellationToken.None)).ShouldBe(hash);
            (store.Reads - reads).ShouldBe(1);
        }
    }

    [Property]
    public async Task Proofs_AnyStride_SameAsTheFullTree(LeafCount size, int seed, PositiveInt stride)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var full = new FullTreeSource(leaves);
        var strideValue = 1 + (stride.Get - 1) % StridedNodeSource.MaxStride;
        var sut = CreateSut(InMemoryStoredHashes.Of(full, strideValue), strideValue);
        var n = leaves.Length;
        var index = seed & int.MaxValue;

        (await MerkleProofs.RootAsync(n, sut, CancellationToken.None))
            .ShouldBe(await MerkleProofs.RootAsync(n, full, CancellationToken.None));
        (await MerkleProofs.InclusionAsync(index % n, n, sut, CancellationToken.None))
            .ShouldBe(await MerkleProofs.InclusionAsync(index % n, n, full, CancellationToken.None));
        (await MerkleProofs.ConsistencyAsync(1 + index % n, n, sut, CancellationToken.None))
            .ShouldBe(await MerkleProofs.ConsistencyAsync(1 + index % n, n, full, CancellationToken.None));
    }

    /// <summary>The writer's path: each batch goes through an AppendingTree, which hands over the
    /// leaves and the nodes at the stored levels; the store then answers like the full tree.</summary>
    [Property]
    public async Task GetNodeAsync_StoreFilledBatchByBatch_EveryNodeAsTheFullTree(LeafCount size, int seed, PositiveInt batchSize)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var full = new FullTreeSource(leaves);
        var store = new InMemoryStoredHashes(StridedNodeSource.DefaultStride);
        var frontier = new MerkleFrontier();
        foreach (var batch in leaves.Chunk(batchSize.Get))
        {
            var tree = new AppendingTree(frontier);
            foreach (var leaf in batch)
            {
                store.Add(0, tree.Size, leaf);
                tree.Append(leaf);
            }

            foreach (var (level, index, hash) in tree.NewNodesAtLevels(StridedNodeSource.DefaultStride))
            {
                store.Add(level, index, hash);
            }

            frontier = tree.Frontier;
        }

        var sut = CreateSut(store);
        foreach (var (level, index, hash) in full.Nodes())
        {
            (await sut.GetNodeAsync(level, index, CancellationToken.None)).ShouldBe(hash);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(StridedNodeSource.MaxStride + 1)]
    public void Constructor_StrideOutOfRange_Throws(int stride) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StridedNodeSource(new InMemoryStoredHashes(1), stride));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(63, 0)]
    [InlineData(0, -1)]
    [InlineData(3, long.MaxValue)]
    public async Task GetNodeAsync_PositionOutOfRange_Throws(int level, long index) =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            async () => await CreateSut(new InMemoryStoredHashes(4)).GetNodeAsync(level, index, CancellationToken.None));

    [Theory]
    [InlineData(3, 32)]
    [InlineData(5, 32)]
    [InlineData(4, 31)]
    [InlineData(4, 0)]
    public async Task GetNodeAsync_StoreAnswersBadly_ThrowsInvalidData(int count, int hashLength)
    {
        var sut = CreateSut(new FixedAnswerStore(Enumerable.Repeat(new byte[hashLength], count).ToList()));

        await Should.ThrowAsync<InvalidDataException>(async () => await sut.GetNodeAsync(2, 0, CancellationToken.None));
    }

    private static StridedNodeSource CreateSut(IStoredHashes store, int stride = StridedNodeSource.DefaultStride) => new(store, stride);
}
