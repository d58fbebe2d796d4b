namespace Fapiao.Storage;

/// <summary>An event as stored: its place in the tenant's log, the exact bytes that were hashed, and their leaf hash.</summary>
internal sealed record StoredEvent(long Index, string Kind, string? Key, DateTimeOffset At, byte[] Bytes, byte[] LeafHash);
