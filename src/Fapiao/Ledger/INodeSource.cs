namespace Fapiao.Ledger;

/// <summary>
/// Where proofs get their hashes from: the hash of a complete, aligned subtree of the log.
/// Level 0 index i is leaf hash i; level k index i covers leaves [i * 2^k, (i + 1) * 2^k).
/// </summary>
/// <remarks>
/// Only complete subtrees are ever asked for, so a source never needs to know the tree size:
/// <see cref="MerkleProofs"/> builds the hash of a ragged right edge from complete pieces itself.
/// </remarks>
internal interface INodeSource
{
    /// <summary>The hash of the complete subtree at <paramref name="level"/>, <paramref name="index"/>.</summary>
    ValueTask<byte[]> GetNodeAsync(int level, long index, CancellationToken ct);
}
