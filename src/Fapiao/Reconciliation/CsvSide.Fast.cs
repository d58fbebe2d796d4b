using System.Text;
using System.Text.Unicode;
using Fapiao.Domain;
using Fapiao.Formats.Exports;

namespace Fapiao.Reconciliation;

/// <summary>The fast reading of one row: only spellings it reads exactly as the ingest readers do; anything else is left to them.</summary>
internal sealed partial class CsvSide
{
    private bool TryFast(ReadOnlySpan<byte> record, long offset, long number, ReconFields compared, DatePeriod? period, IReconSink sink)
    {
        if (!Utf8.IsValid(record))
        {
            return false;
        }

        Span<Range> cells = stackalloc Range[lastColumn + 1];
        var count = Split(record, cells);
        if (count < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> Cell(ExportColumn column, ReadOnlySpan<byte> record, ReadOnlySpan<Range> cells, int count) =>
            columns[(int)column] is var i && i >= 0 && i < count ? record[cells[i]] : [];

        var code = Cell(ExportColumn.Code, record, cells, count);
        var legacyNumber = Cell(ExportColumn.Number, record, cells, count);
        var shudian = Cell(ExportColumn.ShudianNumber, record, cells, count);
        if (!IsIdentifier(code) || !IsIdentifier(legacyNumber) || !IsIdentifier(shudian))
        {
            return false;
        }

        // As the row mapper: a 数电 row fills 数电发票号码; a legacy row 发票代码 + 发票号码.
        var invoiceNumber = code.IsEmpty && !shudian.IsEmpty ? shudian : !legacyNumber.IsEmpty ? legacyNumber : shudian;
        var keyLength = invoiceNumber.Length + (code.IsEmpty ? 0 : code.Length + 1);
        if (invoiceNumber.IsEmpty || keyLength > ReconKey.MaxLength)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[ReconKey.MaxLength];
        if (!code.IsEmpty)
        {
            System.Text.Ascii.ToUpper(code, key, out _);
            key[code.Length] = (byte)'-';
        }

        System.Text.Ascii.ToUpper(invoiceNumber, key[(keyLength - invoiceNumber.Length)..], out _);
        if (!ReconKey.TryPack(key[..keyLength], out var k0, out var k1, out var k2)
            || !TryDate(Cell(ExportColumn.IssueDate, record, cells, count), out var day)
            || !TryFen(Cell(ExportColumn.Amount, record, cells, count), out var amount)
            || !TryFen(Cell(ExportColumn.Tax, record, cells, count), out var tax)
            || !TryFen(Cell(ExportColumn.Total, record, cells, count), out var total)
            || !statuses.TryGet(Cell(ExportColumn.Status, record, cells, count), out var state))
        {
            return false;
        }

        var seller = Cell(ExportColumn.SellerTaxId, record, cells, count);
        var buyer = Cell(ExportColumn.BuyerTaxId, record, cells, count);
        if (!IsIdentifier(seller) || !IsIdentifier(buyer))
        {
            return false;
        }

        Span<byte> sellerUpper = stackalloc byte[seller.Length];
        Span<byte> buyerUpper = stackalloc byte[buyer.Length];
        System.Text.Ascii.ToUpper(seller, sellerUpper, out _);
        System.Text.Ascii.ToUpper(buyer, buyerUpper, out _);

        var print = new FieldPrint(compared, stackalloc byte[FieldPrint.BufferSize]);
        print.Date(day);
        print.Ascii(ReconFields.SellerTaxId, sellerUpper, !seller.IsEmpty);
        print.Ascii(ReconFields.BuyerTaxId, buyerUpper, !buyer.IsEmpty);
        print.Fen(ReconFields.Amount, amount);
        print.Fen(ReconFields.Tax, tax);
        print.Fen(ReconFields.Total, total);
        print.Text(ReconFields.State, state);
        var inScope = day < 0 ? InScope(null, period) : InScope(DateOnly.FromDayNumber(day), period);
        sink.Row(new ReconRow(k0, k1, k2, print.Finish(), file, offset, number, inScope));
        return true;
    }

    /// <summary>
    /// The cells up to the last column read, as the field splitter cuts them: a quoted cell only when
    /// it is quoted whole with no quote inside (then its content); -1 for any other quoting.
    /// </summary>
    private static int Split(ReadOnlySpan<byte> record, Span<Range> cells)
    {
        var count = 0;
        var p = 0;
        while (count < cells.Length && p <= record.Length)
        {
            if (p < record.Length && record[p] == (byte)'"')
            {
                var close = record[(p + 1)..].IndexOf((byte)'"');
                if (close < 0)
                {
                    return -1;
                }

                var after = p + 1 + close + 1;
                if (after < record.Length && record[after] != (byte)',')
                {
                    return -1;
                }

                cells[count++] = new Range(p + 1, p + 1 + close);
                p = after + 1;
            }
            else
            {
                var comma = record[p..].IndexOf((byte)',');
                var stop = comma < 0 ? record.Length : p + comma;
                cells[count++] = new Range(p, stop);
                p = stop + 1;
            }
        }

        return count;
    }

    /// <summary>Letters and digits only (nothing to trim, no float form), at most 64: the identifier reader keeps it as it is.</summary>
    private static bool IsIdentifier(ReadOnlySpan<byte> cell) =>
        cell.Length <= Formats.TextLimits.Identifier && !cell.ContainsAnyExcept(IdentifierBytes);

    private static readonly System.Buffers.SearchValues<byte> IdentifierBytes =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary><c>yyyy-MM-dd</c>, optionally with <c>HH:mm:ss</c> after a space or T; -1 for a blank cell.</summary>
    private static bool TryDate(ReadOnlySpan<byte> cell, out int day)
    {
        day = -1;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.Length == 19)
        {
            if (cell[10] is not ((byte)' ' or (byte)'T') || cell[13] != (byte)':' || cell[16] != (byte)':'
                || !IsDigits(cell[11..13]) || !IsDigits(cell[14..16]) || !IsDigits(cell[17..19]))
            {
                return false;
            }

            cell = cell[..10];
        }

        if (cell.Length != 10 || !IsDigits(cell[..4]) || !IsDigits(cell[5..7]) || !IsDigits(cell[8..10]))
        {
            return false;
        }

        Span<char> text = stackalloc char[10];
        for (var i = 0; i < 10; i++)
        {
            text[i] = (char)cell[i];
        }

        if (!IssueDates.TryParseIsoDate(text, out var date))
        {
            return false;
        }

        day = date.DayNumber;
        return true;
    }

    /// <summary><c>-?[0-9]{1,15}(\.[0-9]{1,2})?</c> to fen, as the money reader reads it; null for a blank cell.</summary>
    private static bool TryFen(ReadOnlySpan<byte> cell, out long? fen)
    {
        fen = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        var negative = cell[0] == (byte)'-';
        var digits = negative ? cell[1..] : cell;
        var point = digits.IndexOf((byte)'.');
        var integer = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        if (integer.Length is 0 or > Amounts.MaxIntegerDigits || !IsDigits(integer)
            || (point >= 0 && (fraction.Length is 0 or > 2 || !IsDigits(fraction))))
        {
            return false;
        }

        long value = 0;
        foreach (var d in integer)
        {
            value = (value * 10) + (d - '0');
        }

        for (var i = 0; i < 2; i++)
        {
            value = (value * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        fen = negative ? -value : value;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> span) => !span.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>The 发票状态 cells seen, as the state words the records carry: a file holds only a few different ones.</summary>
    private sealed class StatusCache
    {
        private readonly List<(byte[] Cell, string State)> known = [];

        public bool TryGet(ReadOnlySpan<byte> cell, out string? state)
        {
            state = null;
            if (cell.IsEmpty)
            {
                return true;
            }

            foreach (var (bytes, s) in known)
            {
                if (cell.SequenceEqual(bytes))
                {
                    state = s;
                    return true;
                }
            }

            if (cell.Length > 64 || known.Count >= 16)
            {
                return false;
            }

            var status = PlatformStatuses.Parse(Encoding.UTF8.GetString(cell));
            if (status == PlatformStatus.Unknown)
            {
                return false;
            }

            state = ReconInputReader.StateOf(status);
            known.Add((cell.ToArray(), state));
            return true;
        }
    }
}
