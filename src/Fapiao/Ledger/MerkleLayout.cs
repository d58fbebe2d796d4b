namespace Fapiao.Ledger;

/// <summary>
/// How the tree is stored: leaf hashes with their events, and the complete nodes of every fourth
/// level. Any other node is at most 8 hashes away from a stored level, so a proof costs O(log n)
/// small range reads while the store writes only about n/15 node rows.
/// </summary>
internal static class MerkleLayout
{
    public const int Stride = 4;
}
