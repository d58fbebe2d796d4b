namespace Fapiao.Formats.Xlsx;

/// <summary>
/// A zip is read from its end, so a workbook needs a seekable stream: standard input is copied to
/// a temporary file (deleted on close), never into memory.
/// </summary>
internal static class SeekableInput
{
    public const long MaxSpooledBytes = 2L << 30;

    /// <summary>The stream itself when it can seek; otherwise a temporary copy, or null when longer than <see cref="MaxSpooledBytes"/>.</summary>
    public static Stream? Open(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var path = Path.Combine(Path.GetTempPath(), "fapiao-" + Path.GetRandomFileName());
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > MaxSpooledBytes)
            {
                copy.Dispose();
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }
}
