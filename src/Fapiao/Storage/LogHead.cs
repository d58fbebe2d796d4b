namespace Fapiao.Storage;

/// <summary>
/// The tip of a tenant's log: its size and the compact Merkle range (frontier) needed to append.
/// Read and written under the tenant's write lock, so every writer, in any process, continues
/// from the same tip and the log cannot fork.
/// </summary>
internal sealed record LogHead(long Size, byte[] Frontier, long NextQuarantineId);
