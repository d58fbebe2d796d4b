using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;
using FsCheck.Xunit;

namespace Fapiao.Tests.Ledger;

[Properties(Arbitrary = [typeof(LedgerArbitraries)])]
public sealed class CachingNodeSourceTests
{
    [Property]
    public async Task InclusionAsync_EveryLeafThroughOneCache_SameProofsAsTheSourceUnderneath(LeafCount size, int seed)
    {
        var full = new FullTreeSource(LeafHashes.Some(size.Value, seed));
        var stored = new StridedNodeSource(InMemoryStoredHashes.Of(full, StridedNodeSource.DefaultStride));
        var sut = new CachingNodeSource(stored);
        var n = size.Value;

        for (var leaf = 0L; leaf < n; leaf++)
        {
            (await MerkleProofs.InclusionAsync(leaf, n, sut, CancellationToken.None))
                .ShouldBe(await MerkleProofs.InclusionAsync(leaf, n, full, CancellationToken.None));
        }
    }

    [Fact]
    public async Task InclusionAsync_NeighbouringLeaves_AskTheSourceForEachNodeOnce()
    {
        const int n = 1000;
        var full = new FullTreeSource(LeafHashes.Some(n, 7));
        var sut = new CachingNodeSource(full);

        await MerkleProofs.InclusionAsync(500, n, sut, CancellationToken.None);
        var first = sut.Misses;
        await MerkleProofs.InclusionAsync(500, n, sut, CancellationToken.None);
        var again = sut.Misses - first;
        await MerkleProofs.InclusionAsync(501, n, sut, CancellationToken.None);
        var neighbour = sut.Misses - first;

        first.ShouldBeGreaterThan(5);
        again.ShouldBe(0);
        neighbour.ShouldBeLessThanOrEqualTo(1);
    }
}
