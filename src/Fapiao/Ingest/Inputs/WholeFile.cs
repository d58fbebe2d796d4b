using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Ingest.Inputs;

/// <summary>
/// A file read whole for a format that is one invoice per file (XML, OFD, PDF, an image), with
/// bounded memory: up to <c>maxBytes</c> is buffered; past that only its length and SHA-256 are
/// known, and the first <see cref="Submission.MaxKeptBytes"/> bytes are kept for quarantine.
/// </summary>
internal sealed record WholeFile(byte[]? Bytes, byte[] Kept, long Length, byte[] Sha256)
{
    /// <summary>An invoice file (XML, OFD, PDF) is tens of kilobytes, a phone photo a few megabytes.</summary>
    public const int MaxBytes = 32 << 20;

    private const int ChunkBytes = 1 << 20;

    [MemberNotNullWhen(false, nameof(Bytes))]
    public bool TooLarge => Bytes is null;

    /// <summary>
    /// Reads the stream to its end, hashing it. The content is read in chunks and copied once, so a
    /// file costs twice its size at the peak, not the three times a growing buffer would; past
    /// <paramref name="maxBytes"/> only the first bytes are kept and the rest is only hashed.
    /// </summary>
    public static WholeFile Read(Stream stream, int maxBytes = MaxBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunks = new List<byte[]>();
        byte[]? kept = null;
        byte[]? spare = null;
        long length = 0;
        while (true)
        {
            var chunk = spare ?? new byte[ChunkBytes];
            var filled = Fill(stream, chunk);
            if (filled == 0)
            {
                break;
            }

            hash.AppendData(chunk, 0, filled);
            length += filled;
            if (kept is not null)
            {
                continue;
            }

            chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            if (length > maxBytes)
            {
                // Over the limit: keep the first bytes for quarantine, hash the rest through one buffer.
                kept = Join(chunks, (int)Math.Min(length, Submission.MaxKeptBytes));
                chunks.Clear();
                spare = new byte[ChunkBytes];
            }
        }

        if (kept is not null)
        {
            return new WholeFile(null, kept, length, hash.GetHashAndReset());
        }

        var bytes = Join(chunks, (int)length);
        return new WholeFile(bytes, bytes.Length <= Submission.MaxKeptBytes ? bytes : bytes[..Submission.MaxKeptBytes], length, hash.GetHashAndReset());
    }

    /// <summary>The submission of this file: its kept bytes, its full length and hash.</summary>
    public Submission ToSubmission(string source, Invoice? invoice, List<Problem> problems, InvoiceKey? claimedKey = null) =>
        Submission.Of(source, Kept, Length, Sha256, invoice, problems, claimedKey);

    /// <summary>The submission of a file over the limit: <c>file.tooLarge</c>, nothing of it parsed.</summary>
    public Submission TooLargeSubmission(string source, int maxBytes = MaxBytes) =>
        ToSubmission(source, null, [Problem.Error(ErrorCodes.FileTooLarge, "$", $"The file is {Length} bytes; the limit is {maxBytes}. Its first bytes, length and SHA-256 are kept.")]);

    private static int Fill(Stream stream, byte[] chunk)
    {
        var filled = 0;
        int read;
        while (filled < chunk.Length && (read = stream.Read(chunk, filled, chunk.Length - filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private static byte[] Join(List<byte[]> chunks, int length)
    {
        var file = new byte[length];
        var at = 0;
        foreach (var chunk in chunks)
        {
            var n = Math.Min(chunk.Length, length - at);
            chunk.AsSpan(0, n).CopyTo(file.AsSpan(at));
            at += n;
            if (at == length)
            {
                break;
            }
        }

        return file;
    }
}
