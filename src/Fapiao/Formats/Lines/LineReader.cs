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
        using var line = new BoundedRecord(maxLineBytes);
        long number = 1;
        var first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = first ? BoundedRecord.ByteOrderMarkLength(buffer.AsSpan(0, read)) : 0;
            first = false;

            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                line.Append(buffer.AsSpan(start, end - start));
                if (newline < 0)
                {
                    break;
                }

                if (line.Finish(number) is { } done)
                {
                    yield return done;
                }

                number++;
                start = newline + 1;
            }
        }

        if (line.Finish(number) is { } last)
        {
            yield return last;
        }
    }
}
