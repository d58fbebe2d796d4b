namespace Fapiao.Ledger;

/// <summary>
/// The hashes a store keeps for one log: every leaf hash (level 0) and the complete nodes whose
/// level is a positive multiple of the stride. Storing only every stride-th level keeps the node
/// table at about 1/(2^stride - 1) of the leaf count while a node stays one small range read away.
/// </summary>
internal interface IStoredHashes
{
    /// <summary>
    /// Hashes <paramref name="fromIndex"/> .. <paramref name="fromIndex"/> + <paramref name="count"/> - 1
    /// of a stored <paramref name="level"/> (0 or a multiple of the stride), in index order.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> ReadAsync(int level, long fromIndex, int count, CancellationToken ct);
}
