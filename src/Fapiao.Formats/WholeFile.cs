using Fapiao.Validation;

namespace Fapiao.Formats;

/// <summary>Reads a file that is one submission (a PDF, an image) into memory, up to a limit.</summary>
internal static class WholeFile
{
    /// <summary>A PDF e-invoice is tens of kilobytes, a phone photo a few megabytes.</summary>
    public const int MaxBytes = 32 << 20;

    /// <summary>
    /// The whole content, or, when it is longer than <paramref name="maxBytes"/>, its first bytes
    /// with a <c>file.tooLarge</c> problem: the rest is never read.
    /// </summary>
    public static byte[] Read(Stream stream, List<Problem> problems, int maxBytes = MaxBytes)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                problems.Add(Problem.Error(ErrorCodes.FileTooLarge, "$", $"The file is more than {maxBytes:N0} bytes long; the limit is {maxBytes:N0}. Its first bytes are kept."));
                return memory.GetBuffer().AsSpan(0, (int)Math.Min(memory.Length, Ingest.Submission.MaxKeptBytes)).ToArray();
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }
}
