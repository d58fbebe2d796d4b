namespace Fapiao.Formats.Lines;

/// <summary>
/// One line of input. A line longer than the reader's limit keeps only its first bytes; its full
/// length and SHA-256 are still known, so the quarantine can prove what it refused.
/// </summary>
internal sealed record RawLine(long Number, byte[] Bytes, long Length, byte[]? Sha256)
{
    public bool TooLong => Bytes.LongLength < Length;
}
