using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Ingest.Inputs;

/// <summary>
/// A file read whole for a format that is one invoice per file (XML, OFD), with bounded memory: up
/// to <c>maxBytes</c> is buffered; past that only its length and SHA-256 are known, and the first
/// <see cref="Submission.MaxKeptBytes"/> bytes are kept for quarantine.
/// </summary>
internal sealed record WholeFile(byte[]? Bytes, byte[] Kept, long Length, byte[] Sha256)
{
    [MemberNotNullWhen(false, nameof(Bytes))]
    public bool TooLarge => Bytes is null;

    public static WholeFile Read(Stream stream, int maxBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        long length = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
            var room = (int)Math.Max(0, maxBytes + 1L - memory.Length);
            memory.Write(buffer, 0, Math.Min(read, room));
        }

        var bytes = length <= maxBytes ? memory.ToArray() : null;
        var kept = bytes is not null && bytes.Length <= Submission.MaxKeptBytes
            ? bytes
            : memory.GetBuffer().AsSpan(0, (int)Math.Min(memory.Length, Submission.MaxKeptBytes)).ToArray();
        return new WholeFile(bytes, kept, length, hash.GetHashAndReset());
    }

    /// <summary>The submission of this file: its kept bytes, its full length and hash.</summary>
    public Submission ToSubmission(string source, Invoice? invoice, List<Problem> problems) => new()
    {
        Source = source,
        Raw = Kept,
        RawLength = Length,
        RawSha256 = Sha256,
        Invoice = problems.Exists(p => p.IsError) ? null : invoice,
        Problems = problems,
    };
}
