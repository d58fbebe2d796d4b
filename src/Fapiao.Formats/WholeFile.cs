using Fapiao.Ingest;
using Fapiao.Validation;

namespace Fapiao.Formats;

/// <summary>Reads a file that is one submission (a PDF, an image) into memory, up to a limit.</summary>
internal static class WholeFile
{
    /// <summary>A PDF e-invoice is tens of kilobytes, a phone photo a few megabytes.</summary>
    public const int MaxBytes = 32 << 20;

    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// The whole content, or, when it is longer than <paramref name="maxBytes"/>, its first bytes
    /// with a <c>file.tooLarge</c> problem: the rest is never read. Read in chunks and copied once,
    /// so that a file costs twice its size at the peak, not the three times a growing buffer would.
    /// </summary>
    public static byte[] Read(Stream stream, List<Problem> problems, int maxBytes = MaxBytes)
    {
        var chunks = new List<byte[]>();
        var length = 0;
        while (true)
        {
            var chunk = new byte[ChunkBytes];
            var filled = Fill(stream, chunk);
            if (filled == 0)
            {
                break;
            }

            chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            length += filled;
            if (length > maxBytes)
            {
                problems.Add(Problem.Error(ErrorCodes.FileTooLarge, "$", $"The file is more than {maxBytes:N0} bytes long, the limit. Its first bytes are kept."));
                return Join(chunks, Math.Min(length, Submission.MaxKeptBytes));
            }
        }

        return Join(chunks, length);
    }

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
