namespace Fapiao.Storage;

/// <summary>A signed tree head: the C2SP tlog-checkpoint body and an ECDSA P-256 DER signature over its UTF-8 bytes.</summary>
internal sealed record SignedCheckpoint(long Size, byte[] Root, DateTimeOffset At, string Body, byte[] Signature);
