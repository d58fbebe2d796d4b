using System.Buffers.Binary;
using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>Leaf hashes for tests that need a log but do not care what is in it.</summary>
internal static class LeafHashes
{
    /// <summary>
    /// <paramref name="count"/> distinct leaf hashes, the same for the same seed, so a failing
    /// property run can be replayed.
    /// </summary>
    public static byte[][] Some(int count, int seed)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(data, seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), i);
            return MerkleHash.Leaf(data);
        })];
    }
}
