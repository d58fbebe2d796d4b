using System.Security.Cryptography;

namespace Fapiao.Formats.Lines;

/// <summary>
/// Splits a stream into lines (LF or CRLF) with bounded memory: a line longer than
/// <c>maxLineBytes</c> is not buffered whole, only its prefix is kept and the rest is hashed as it
/// streams past. Blank lines are skipped; a UTF-8 byte order mark at the start is dropped.
/// </summary>
internal static class LineReader
{
    public const int DefaultMaxLineBytes = 1 << 20;

    public static IEnumerable<RawLine> Read(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        IncrementalHash? overflow = null;
        long overflowLength = 0;
        long number = 1;
        var first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            if (first)
            {
                first = false;
                if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3;
                }
            }

            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                Append(buffer.AsSpan(start, end - start));
                if (newline < 0)
                {
                    break;
                }

                if (Finish() is { } done)
                {
                    yield return done;
                }

                number++;
                start = newline + 1;
            }
        }

        if (Finish() is { } last)
        {
            yield return last;
        }

        void Append(ReadOnlySpan<byte> chunk)
        {
            if (overflow is null && line.Length + chunk.Length <= maxLineBytes)
            {
                line.Write(chunk);
                return;
            }

            if (overflow is null)
            {
                overflow = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                overflow.AppendData(line.GetBuffer(), 0, (int)line.Length);
                overflowLength = line.Length;
                var room = maxLineBytes - (int)line.Length;
                line.Write(chunk[..room]);
            }

            overflow.AppendData(chunk);
            overflowLength += chunk.Length;
        }

        RawLine? Finish()
        {
            RawLine? result = null;
            if (overflow is not null)
            {
                result = new RawLine(number, line.ToArray(), overflowLength, overflow.GetHashAndReset());
                overflow.Dispose();
                overflow = null;
            }
            else
            {
                var length = (int)line.Length;
                if (length > 0 && line.GetBuffer()[length - 1] == '\r')
                {
                    length--;
                }

                if (!IsBlank(line.GetBuffer().AsSpan(0, length)))
                {
                    result = new RawLine(number, line.GetBuffer().AsSpan(0, length).ToArray(), length, null);
                }
            }

            line.SetLength(0);
            return result;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
