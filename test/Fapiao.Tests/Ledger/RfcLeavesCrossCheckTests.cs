using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;

namespace Fapiao.Tests.Ledger;

/// <summary>
/// The proofs this code makes for the RFC 6962 test tree are byte for byte those of the happy-path
/// vectors, which were made by another implementation from the same eight leaves.
/// </summary>
public sealed class RfcLeavesCrossCheckTests
{
    private static readonly byte[][] Leaves =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    public static TheoryData<string> InclusionHappyPaths() =>
        [.. MerkleVectors.Files("inclusion").Where(f => f.EndsWith("/happy-path.json", StringComparison.Ordinal))];

    public static TheoryData<string> ConsistencyHappyPaths() =>
        [.. MerkleVectors.Files("consistency").Where(f => f.EndsWith("/happy-path.json", StringComparison.Ordinal))];

    [Fact]
    public async Task RootAsync_EightTestLeaves_IsTheVectorsRootForSize8()
    {
        var vector = MerkleVectors.Read("inclusion/1/happy-path.json");
        MerkleVectors.Int64(vector, "treeSize").ShouldBe(8);

        var root = await MerkleProofs.RootAsync(8, CreateSut(), CancellationToken.None);

        root.ShouldBe(MerkleVectors.Bytes(vector, "root"));
    }

    [Theory]
    [MemberData(nameof(InclusionHappyPaths))]
    public async Task InclusionAsync_HappyPathVector_MatchesRootLeafAndProof(string file)
    {
        var vector = MerkleVectors.Read(file);
        var index = MerkleVectors.Int64(vector, "leafIdx");
        var size = MerkleVectors.Int64(vector, "treeSize");
        var sut = CreateSut();

        var root = await MerkleProofs.RootAsync(size, sut, CancellationToken.None);
        var proof = await MerkleProofs.InclusionAsync(index, size, sut, CancellationToken.None);

        root.ShouldBe(MerkleVectors.Bytes(vector, "root"));
        MerkleHash.Leaf(Leaves[index]).ShouldBe(MerkleVectors.Bytes(vector, "leafHash"));
        proof.ShouldBe(MerkleVectors.Proof(vector));
    }

    [Theory]
    [MemberData(nameof(ConsistencyHappyPaths))]
    public async Task ConsistencyAsync_HappyPathVector_MatchesRootsAndProof(string file)
    {
        var vector = MerkleVectors.Read(file);
        var size1 = MerkleVectors.Int64(vector, "size1");
        var size2 = MerkleVectors.Int64(vector, "size2");
        var sut = CreateSut();

        var root1 = await MerkleProofs.RootAsync(size1, sut, CancellationToken.None);
        var root2 = await MerkleProofs.RootAsync(size2, sut, CancellationToken.None);
        var proof = await MerkleProofs.ConsistencyAsync(size1, size2, sut, CancellationToken.None);

        root1.ShouldBe(MerkleVectors.Bytes(vector, "root1"));
        root2.ShouldBe(MerkleVectors.Bytes(vector, "root2"));
        proof.ShouldBe(MerkleVectors.Proof(vector));
    }

    private static FullTreeSource CreateSut() => new([.. Leaves.Select(leaf => MerkleHash.Leaf(leaf))]);
}
