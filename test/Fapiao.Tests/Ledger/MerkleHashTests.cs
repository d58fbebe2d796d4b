using System.Security.Cryptography;
using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger;

public sealed class MerkleHashTests
{
    [Fact]
    public void EmptyRoot_Always_IsSha256OfNothing() =>
        Convert.ToHexStringLower(MerkleHash.EmptyRoot).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    [Fact]
    public void EmptyRoot_ChangedByCaller_StaysTheSame()
    {
        MerkleHash.EmptyRoot[0] ^= 1;

        MerkleHash.EmptyRoot.ShouldBe(SHA256.HashData(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Leaf_EmptyEntry_IsTheRfc6962EmptyLeaf() =>
        Convert.ToBase64String(MerkleHash.Leaf([])).ShouldBe("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");

    [Fact]
    public void Leaf_AnyEntry_IsSha256WithZeroPrefix()
    {
        byte[] data = [1, 2, 3];

        MerkleHash.Leaf(data).ShouldBe(SHA256.HashData([0x00, .. data]));
    }

    [Fact]
    public void Node_TwoHashes_IsSha256WithOnePrefix()
    {
        var left = MerkleHash.Leaf([1]);
        var right = MerkleHash.Leaf([2]);

        MerkleHash.Node(left, right).ShouldBe(SHA256.HashData([0x01, .. left, .. right]));
    }

    [Fact]
    public void Node_DestinationOverlapsInput_HashesTheOriginalInput()
    {
        var left = MerkleHash.Leaf([1]);
        var right = MerkleHash.Leaf([2]);
        var expected = MerkleHash.Node(left, right);

        MerkleHash.Node(left, right, left);

        left.ShouldBe(expected);
    }

    [Theory]
    [InlineData(31, 32)]
    [InlineData(32, 33)]
    [InlineData(0, 32)]
    public void Node_ChildNot32Bytes_Throws(int leftLength, int rightLength) =>
        Should.Throw<ArgumentException>(() => MerkleHash.Node(new byte[leftLength], new byte[rightLength]));
}
