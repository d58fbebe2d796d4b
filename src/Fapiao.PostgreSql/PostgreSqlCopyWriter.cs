using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Fapiao.Domain;
using Npgsql;

namespace Fapiao.PostgreSql;

/// <summary>
/// A binary COPY … FROM STDIN written by hand: rows are encoded synchronously into a pooled
/// buffer in PostgreSQL's binary COPY format and sent in large pieces through Npgsql's raw copy
/// stream, instead of one awaited Npgsql call per field. The encodings are the server's binary
/// input formats of text, bigint, integer, bytea, timestamptz, date and numeric; the values read
/// back are the ones the Npgsql importer wrote (times already truncated by the caller, money with
/// two decimals). Anything that fails before <see cref="CompleteAsync"/> cancels the COPY, so a
/// half-sent table never reaches the transaction.
/// </summary>
internal sealed class PostgreSqlCopyWriter : IAsyncDisposable
{
    private const int FlushAt = 64 * 1024;

    /// <summary>Microseconds and days in PostgreSQL's binary formats count from 2000-01-01 UTC.</summary>
    private static readonly long PgEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly int PgEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly NpgsqlRawCopyStream stream;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(FlushAt * 2);
    private int length;
    private bool completed;

    private PostgreSqlCopyWriter(NpgsqlRawCopyStream stream)
    {
        this.stream = stream;

        // Header: signature, flags (no OIDs), no header extension.
        ReadOnlySpan<byte> signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
        signature.CopyTo(Take(signature.Length));
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 0);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 0);
    }

    /// <param name="copyCommand">A <c>COPY table (columns) FROM STDIN (FORMAT BINARY)</c> statement.</param>
    public static async Task<PostgreSqlCopyWriter> BeginAsync(NpgsqlConnection connection, string copyCommand, CancellationToken ct) =>
        new(await connection.BeginRawBinaryCopyAsync(copyCommand, ct).ConfigureAwait(false));

    /// <summary>Starts a row of <paramref name="fields"/> fields; sends what is buffered once it is large.</summary>
    public async ValueTask StartRowAsync(short fields, CancellationToken ct)
    {
        if (length >= FlushAt)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }

        BinaryPrimitives.WriteInt16BigEndian(Take(2), fields);
    }

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var span = Take(4 + Utf8.GetMaxByteCount(value.Length));
        var written = Utf8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        length -= span.Length - 4 - written;
    }

    public void Long(long value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Int(int value)
    {
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void Bytes(byte[] value)
    {
        var span = Take(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
        value.CopyTo(span[4..]);
    }

    /// <summary>A timestamptz: the time as stored (<see cref="PostgreSqlRows.ToStored"/>), in microseconds since 2000-01-01 UTC.</summary>
    public void Time(DateTimeOffset at) => Long((PostgreSqlRows.ToStored(at).Ticks - PgEpochTicks) / 10);

    public void Date(DateOnly date) => Int(date.DayNumber - PgEpochDay);

    /// <summary>Money as the store keeps it (<see cref="PostgreSqlRows.Money"/>: rounded to the fen, two decimals), or null.</summary>
    public void Money(decimal? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }

        Span<char> text = stackalloc char[Amounts.MaxFormattedLength];
        Numeric(text[..Amounts.FormatMoney(v, text)]);
    }

    /// <summary>
    /// A numeric from plain decimal text (<c>-?digits[.digits]</c>): base-10000 digit groups
    /// aligned on the decimal point, leading and trailing zero groups dropped, the display scale the
    /// number of decimals written — what the server's numeric_send gives for the same value.
    /// </summary>
    internal void Numeric(ReadOnlySpan<char> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        whole = whole.TrimStart('0');

        // Groups: the whole part padded on the left, the fraction on the right, to multiples of four digits.
        var wholeGroups = (whole.Length + 3) / 4;
        var fractionGroups = (fraction.Length + 3) / 4;
        Span<short> groups = stackalloc short[wholeGroups + fractionGroups];
        var lead = (wholeGroups * 4) - whole.Length;
        for (var g = 0; g < wholeGroups; g++)
        {
            groups[g] = Group(whole, (g * 4) - lead);
        }

        for (var g = 0; g < fractionGroups; g++)
        {
            groups[wholeGroups + g] = Group(fraction, g * 4);
        }

        var first = 0;
        while (first < groups.Length && groups[first] == 0)
        {
            first++;
        }

        var end = groups.Length;
        while (end > first && groups[end - 1] == 0)
        {
            end--;
        }

        var count = end - first;
        var weight = count == 0 ? 0 : wholeGroups - 1 - first;
        var span = Take(4 + 8 + (2 * count));
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + (2 * count));
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(span[8..], (short)(negative && count > 0 ? 0x4000 : 0));
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)fraction.Length);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(12 + (2 * i))..], groups[first + i]);
        }
    }

    /// <summary>The four digits from <paramref name="start"/> (which may lie before or after the text: zeros there).</summary>
    private static short Group(ReadOnlySpan<char> digits, int start)
    {
        var value = 0;
        for (var i = start; i < start + 4; i++)
        {
            var d = i >= 0 && i < digits.Length ? digits[i] - '0' : 0;
            if ((uint)d > 9)
            {
                throw new FormatException($"\"{digits}\" is not a plain decimal number.");
            }

            value = (value * 10) + d;
        }

        return (short)value;
    }

    /// <summary>Sends the trailer and ends the COPY; the server's answer (or error) arrives here.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);
        await FlushAsync(ct).ConfigureAwait(false);
        completed = true;
        await stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels a COPY that was not completed (an exception is on its way out). Where the connection
    /// broke, Npgsql has ended the COPY already and there is nothing left to cancel or close: that
    /// is not a second error, and must not hide the first (the broken connection) from the caller.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!completed)
            {
                await AbandonAsync().ConfigureAwait(false);
            }
            else
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private async Task AbandonAsync()
    {
        try
        {
            await stream.CancelAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or NpgsqlException or IOException)
        {
            // Already ended by a broken connection; the exception that abandoned the COPY is the one to report.
        }
    }

    private async ValueTask FlushAsync(CancellationToken ct)
    {
        await stream.WriteAsync(buffer.AsMemory(0, length), ct).ConfigureAwait(false);
        length = 0;
    }

    /// <summary>The next <paramref name="size"/> bytes of the buffer, growing it when needed.</summary>
    private Span<byte> Take(int size)
    {
        if (length + size > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + size));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var span = buffer.AsSpan(length, size);
        length += size;
        return span;
    }
}
