using Fapiao.Formats.Lines;

namespace Fapiao.Formats.Exports;

/// <summary>
/// Splits a CSV byte stream into records (RFC 4180: a line break inside a quoted field belongs to
/// the field) with bounded memory: a record longer than <c>maxRecordBytes</c> keeps only its first
/// bytes, its full length and SHA-256, as <see cref="LineReader"/> does for lines. Works on bytes,
/// so UTF-8 and GB18030 alike: neither ever uses the bytes of <c>"</c>, <c>,</c>, CR or LF inside a
/// multi-byte character. Blank records are skipped; a UTF-8 byte order mark at the start is dropped.
/// Each record's number is the line it starts on.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>A platform row is a few hundred bytes; remarks are at most 4,000 characters.</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024;

    public static IEnumerable<RawLine> Read(Stream stream, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        var buffer = new byte[64 * 1024];
        using var record = new BoundedRecord(maxRecordBytes);
        long line = 1;
        long recordStart = 1;
        var state = CsvQuoteState.FieldStart;
        var first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = first ? BoundedRecord.ByteOrderMarkLength(buffer.AsSpan(0, read)) : 0;
            first = false;

            var chunkStart = start;
            for (var i = start; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    line++;
                    if (state != CsvQuoteState.Quoted)
                    {
                        record.Append(buffer.AsSpan(chunkStart, i - chunkStart));
                        chunkStart = i + 1;
                        state = CsvQuoteState.FieldStart;
                        if (record.Finish(recordStart) is { } done)
                        {
                            yield return done;
                        }

                        recordStart = line;
                        continue;
                    }
                }

                state = CsvQuoteStates.Next(state, b);
            }

            record.Append(buffer.AsSpan(chunkStart, read - chunkStart));
        }

        if (record.Finish(recordStart) is { } last)
        {
            yield return last;
        }
    }
}
