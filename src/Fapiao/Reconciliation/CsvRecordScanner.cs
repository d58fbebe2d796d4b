using System.Security.Cryptography;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Lines;

namespace Fapiao.Reconciliation;

/// <summary>
/// Splits a CSV stream into records in place, in a large buffer, as <see cref="CsvRecordReader"/>
/// does (the same records, numbers and limits: RFC 4180 quotes, a UTF-8 byte order mark dropped,
/// blank records skipped, a trailing CR dropped, a record over the limit kept as its first bytes and
/// length) but without copying each record: a record with no quote is found by a vectorised search
/// for its line break; only a record holding a quote is stepped through byte by byte. Every byte
/// read is hashed (SHA-256), so the file is read once. Also reads one record again at a known
/// offset (<see cref="ReadAt"/>), for the few rows reconciliation reports in full.
/// </summary>
internal sealed class CsvRecordScanner : IDisposable
{
    private const int BufferSize = 1 << 20;

    private readonly Stream stream;
    private readonly int maxRecordBytes;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] buffer = new byte[BufferSize];
    private int pos;
    private int end;
    private long bufferStart;
    private bool eof;
    private bool first = true;
    private long line = 1;

    public CsvRecordScanner(Stream stream, int maxRecordBytes = CsvRecordReader.DefaultMaxRecordBytes)
    {
        this.stream = stream;
        this.maxRecordBytes = maxRecordBytes;
        bufferStart = stream.Position;
    }

    /// <summary>The current record's bytes (valid until the next call), without its line break and trailing CR.</summary>
    public ReadOnlySpan<byte> Current => buffer.AsSpan(currentStart, currentLength);

    /// <summary>The stream position of the current record's first byte.</summary>
    public long Offset { get; private set; }

    /// <summary>The line the current record starts on.</summary>
    public long Number { get; private set; }

    /// <summary>When the current record is longer than the limit: its first bytes and full length (as the record reader keeps it).</summary>
    public RawLine? TooLong { get; private set; }

    private int currentStart;
    private int currentLength;

    /// <summary>The current record as the record reader gives it.</summary>
    public RawLine ToRawLine() => TooLong ?? new RawLine(Number, Current.ToArray(), currentLength, null);

    public bool MoveNext()
    {
        while (true)
        {
            TooLong = null;
            if (pos >= end && !Fill())
            {
                return false;
            }

            var number = line;
            var offset = bufferStart + pos;
            var (recordEnd, longLength) = FindEnd();
            if (recordEnd < 0)
            {
                return false;
            }

            var length = recordEnd - pos;
            Offset = offset;
            Number = number;
            if (longLength is { } full)
            {
                TooLong = new RawLine(number, longFirst!, full, null);
                longFirst = null;
                pos = Math.Min(recordEnd + 1, end);
                return true;
            }

            if (length > maxRecordBytes)
            {
                TooLong = new RawLine(number, buffer.AsSpan(pos, maxRecordBytes).ToArray(), length, null);
                pos = Math.Min(recordEnd + 1, end);
                return true;
            }

            var record = buffer.AsSpan(pos, length);
            if (record.EndsWith("\r"u8))
            {
                record = record[..^1];
            }

            currentStart = pos;
            currentLength = record.Length;
            pos = Math.Min(recordEnd + 1, end);
            if (!record.Trim(" \t\r"u8).IsEmpty)
            {
                return true;
            }
        }
    }

    private byte[]? longFirst;

    /// <summary>
    /// The index of the line break ending the record at <see cref="pos"/> (or <see cref="end"/> at the
    /// end of the input), counting lines; -1 when nothing is left. A record that does not fit the buffer
    /// is consumed whole and given by its length (its first bytes kept in <see cref="longFirst"/>).
    /// </summary>
    private (int End, long? LongLength) FindEnd()
    {
        var scan = pos;
        var quoted = false;
        var state = CsvQuoteState.FieldStart;
        while (true)
        {
            if (!quoted)
            {
                var i = buffer.AsSpan(scan, end - scan).IndexOfAny((byte)'\n', (byte)'"');
                if (i >= 0 && buffer[scan + i] == (byte)'\n')
                {
                    line++;
                    return (scan + i, null);
                }

                if (i >= 0)
                {
                    // A quote: step through the record from its start, as the record reader does.
                    quoted = true;
                    scan = pos;
                    continue;
                }

                state = end > pos && buffer[end - 1] != (byte)',' ? CsvQuoteState.Unquoted : CsvQuoteState.FieldStart;
                scan = end;
            }
            else
            {
                for (; scan < end; scan++)
                {
                    var b = buffer[scan];
                    if (b == (byte)'\n')
                    {
                        line++;
                        if (state != CsvQuoteState.Quoted)
                        {
                            return (scan, null);
                        }
                    }

                    state = CsvQuoteStates.Next(state, b);
                }
            }

            if (pos == 0 && end == buffer.Length)
            {
                var full = SkipLong(state);
                return (pos, full);
            }

            var before = pos;
            if (!Fill())
            {
                // The last record has no line break.
                return end > pos ? (end, null) : (-1, null);
            }

            scan -= before;
        }
    }

    /// <summary>A record longer than the buffer: keep its first bytes, step through the rest, and give its length.</summary>
    private long SkipLong(CsvQuoteState state)
    {
        longFirst = buffer.AsSpan(0, maxRecordBytes).ToArray();
        long length = end;
        pos = end;
        while (Fill() || pos < end)
        {
            for (var i = pos; i < end; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    line++;
                    if (state != CsvQuoteState.Quoted)
                    {
                        length += i - pos;
                        pos = i;
                        return length;
                    }
                }

                state = CsvQuoteStates.Next(state, b);
            }

            length += end - pos;
            pos = end;
        }

        return length;
    }

    /// <summary>Moves what is left to the buffer's start and reads more; false when nothing more came.</summary>
    private bool Fill()
    {
        if (pos > 0)
        {
            Buffer.BlockCopy(buffer, pos, buffer, 0, end - pos);
            bufferStart += pos;
            end -= pos;
            pos = 0;
        }

        if (eof || end == buffer.Length)
        {
            return false;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
            return false;
        }

        hash.AppendData(buffer, end, read);
        if (first)
        {
            first = false;
            pos = BoundedRecord.ByteOrderMarkLength(buffer.AsSpan(end, read));
        }

        end += read;
        return true;
    }

    /// <summary>Reads to the end (what the records did not take) and gives the SHA-256 of everything read.</summary>
    public byte[] Finish()
    {
        while (!eof)
        {
            pos = end;
            _ = Fill();
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The record starting at <paramref name="offset"/> of a seekable stream (without its line break and trailing CR).</summary>
    public static byte[] ReadAt(Stream stream, long offset, int maxRecordBytes = CsvRecordReader.DefaultMaxRecordBytes)
    {
        stream.Position = offset;
        var bytes = new byte[Math.Min(4096, maxRecordBytes + 2)];
        var length = 0;
        var state = CsvQuoteState.FieldStart;
        var scanned = 0;
        while (true)
        {
            if (scanned == length)
            {
                if (length == bytes.Length)
                {
                    if (length > maxRecordBytes)
                    {
                        break;
                    }

                    Array.Resize(ref bytes, Math.Min(bytes.Length * 2, maxRecordBytes + 2));
                }

                var read = stream.Read(bytes, length, bytes.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            var b = bytes[scanned];
            if (b == (byte)'\n' && state != CsvQuoteState.Quoted)
            {
                break;
            }

            state = b == (byte)'\n' ? state : CsvQuoteStates.Next(state, b);
            scanned++;
        }

        var record = bytes.AsSpan(0, scanned);
        return (record.EndsWith("\r"u8) ? record[..^1] : record).ToArray();
    }

    public void Dispose() => hash.Dispose();
}
