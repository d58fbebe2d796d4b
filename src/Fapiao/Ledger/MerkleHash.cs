using System.Buffers;
using System.Security.Cryptography;

namespace Fapiao.Ledger;

/// <summary>
/// The RFC 9162 §2.1.1 hashes of the ledger's Merkle tree, with SHA-256. The one-byte prefixes keep
/// a leaf hash from ever being mistaken for a node hash (a second-preimage defence).
/// </summary>
internal static class MerkleHash
{
    /// <summary>The length of every hash in the tree, in bytes.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256(0x00 || data): the hash of one log entry.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var result = new byte[Size];
        Leaf(data, result);
        return result;
    }

    /// <summary>Writes SHA-256(0x00 || data) to <paramref name="destination"/>.</summary>
    public static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        // One-shot hashing of a pooled copy with the prefix in front: creating an incremental
        // hasher for every entry cost more than hashing the entry itself. Entries longer than the
        // pool keeps still go through the incremental hasher.
        if (data.Length >= MaxPooledEntry)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData([LeafPrefix]);
            hash.AppendData(data);
            hash.GetHashAndReset(destination);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            buffer[0] = LeafPrefix;
            data.CopyTo(buffer.AsSpan(1));
            SHA256.HashData(buffer.AsSpan(0, data.Length + 1), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int MaxPooledEntry = 1 << 20;

    /// <summary>SHA-256(0x01 || left || right): the hash of an interior node.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[Size];
        Node(left, right, result);
        return result;
    }

    /// <summary>
    /// Writes SHA-256(0x01 || left || right) to <paramref name="destination"/>, which may overlap
    /// either input: both are copied before hashing, so a level can be hashed up in place.
    /// </summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"Both children must be {Size}-byte hashes.");
        }

        Span<byte> buffer = stackalloc byte[1 + Size + Size];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        SHA256.HashData(buffer, destination);
    }
}
