using System.Numerics;
using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Fapiao.Tests.Ledger;

[Properties(Arbitrary = [typeof(LedgerArbitraries)])]
public sealed class MerkleFrontierTests
{
    [Property]
    public async Task Root_EveryPrefix_EqualsRootAsync(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var tree = new FullTreeSource(leaves);
        var sut = CreateSut();

        foreach (var leaf in leaves)
        {
            sut.Append(leaf);

            sut.Root().ShouldBe(await MerkleProofs.RootAsync(sut.Size, tree, CancellationToken.None));
        }
    }

    [Property]
    public void Nodes_AnySize_AreTheSubtreesOfTheSizesBinaryDigits(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var tree = new FullTreeSource(leaves);
        var sut = CreateSut(leaves);

        var expected = new List<(int Level, byte[] Hash)>();
        var start = 0;
        for (var level = 31; level >= 0; level--)
        {
            if ((size.Value & (1 << level)) != 0)
            {
                expected.Add((level, tree.Level(level)[start >> level]));
                start += 1 << level;
            }
        }

        sut.Nodes.Select(n => n.Level).ShouldBe(expected.Select(n => n.Level));
        sut.Nodes.Select(n => n.Hash).ShouldBe(expected.Select(n => n.Hash));
    }

    [Property]
    public void Append_AnyLeaves_ReportsEveryCompleteNodeAboveTheLeavesOnce(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var tree = new FullTreeSource(leaves);
        var reported = new List<(int Level, long Index, byte[] Hash)>();
        var sut = CreateSut();

        foreach (var leaf in leaves)
        {
            sut.Append(leaf, (level, index, hash) => reported.Add((level, index, hash)));
        }

        var expected = tree.Nodes(minLevel: 1).Select(n => $"{n.Level}/{n.Index}/{Convert.ToHexString(n.Hash)}");
        reported.Select(n => $"{n.Level}/{n.Index}/{Convert.ToHexString(n.Hash)}").ShouldBe(expected, ignoreOrder: true);
    }

    [Property]
    public void FromBytes_ToBytesOfAnyFrontier_RoundTrips(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value, seed);
        var sut = CreateSut(leaves[..^1]);
        sut.Append(leaves[^1]);

        var bytes = sut.ToBytes();
        var copy = MerkleFrontier.FromBytes(sut.Size, bytes);

        bytes.Length.ShouldBe(BitOperations.PopCount((uint)size.Value) * MerkleHash.Size);
        copy.Size.ShouldBe(sut.Size);
        copy.ToBytes().ShouldBe(bytes);
        copy.Root().ShouldBe(sut.Root());
        copy.Nodes.Select(n => n.Level).ShouldBe(sut.Nodes.Select(n => n.Level));
    }

    [Property]
    public void FromBytes_ThenAppend_SameAsAppendingToTheOriginal(LeafCount size, int seed)
    {
        var leaves = LeafHashes.Some(size.Value + 5, seed);
        var sut = CreateSut(leaves[..size.Value]);
        var copy = MerkleFrontier.FromBytes(sut.Size, sut.ToBytes());

        foreach (var leaf in leaves[size.Value..])
        {
            sut.Append(leaf);
            copy.Append(leaf);
        }

        copy.Root().ShouldBe(sut.Root());
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(1, 0)]
    [InlineData(1, 31)]
    [InlineData(1, 64)]
    [InlineData(3, 32)]
    [InlineData(3, 96)]
    [InlineData(255, 7 * 32)]
    [InlineData(256, 0)]
    public void FromBytes_LengthNot32PerSetBit_ThrowsFormatException(long size, int length) =>
        Should.Throw<FormatException>(() => MerkleFrontier.FromBytes(size, new byte[length]));

    [Fact]
    public void FromBytes_NegativeSize_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleFrontier.FromBytes(-1, []));

    [Fact]
    public void FromBytes_HugeSize_TakesOneHashPerSetBit() =>
        MerkleFrontier.FromBytes(long.MaxValue, new byte[63 * MerkleHash.Size]).Nodes.Count.ShouldBe(63);

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Append_LeafHashNot32Bytes_Throws(int length) =>
        Should.Throw<ArgumentException>(() => CreateSut().Append(new byte[length]));

    [Fact]
    public void Root_Empty_IsEmptyRoot()
    {
        var sut = CreateSut();

        sut.Root().ShouldBe(MerkleHash.EmptyRoot);
        sut.ToBytes().ShouldBeEmpty();
        sut.Nodes.ShouldBeEmpty();
    }

    [Fact]
    public void Root_OneLeaf_IsTheLeafAndACopy()
    {
        var leaf = MerkleHash.Leaf([1]);
        var sut = CreateSut([leaf]);

        sut.Root()[0] ^= 1;
        sut.Nodes[0].Hash[0] ^= 1;

        sut.Root().ShouldBe(leaf);
    }

    [Fact]
    public void Clone_ThenAppend_LeavesTheOriginalAlone()
    {
        var sut = CreateSut(LeafHashes.Some(3, seed: 0));
        var root = sut.Root();

        var clone = sut.Clone();
        clone.Append(MerkleHash.Leaf([9]));

        sut.Size.ShouldBe(3);
        sut.Root().ShouldBe(root);
        clone.Size.ShouldBe(4);
    }

    private static MerkleFrontier CreateSut(IEnumerable<byte[]>? leaves = null) => Frontiers.Of(leaves ?? []);
}
