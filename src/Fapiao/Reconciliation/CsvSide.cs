using System.Text;
using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Lines;

namespace Fapiao.Reconciliation;

/// <summary>
/// One platform-export CSV of a side, read for reconciliation only: the header and encoding are
/// found as the ingest reader finds them (<see cref="Prepare"/>), then every row is taken straight
/// from the file's bytes (<see cref="Scan"/>): the key and the compared cells as spans, packed into a
/// <see cref="ReconRow"/>, with no draft, no decoded text and no copy of the row. A row the fast
/// reading does not cover exactly (quotes it cannot take as they are, white space, another date or
/// money spelling, an unknown status, GB18030, no key…) is read by the ingest readers, as before, so
/// both ways give the same record. <see cref="Read"/> reads one row again in full.
/// </summary>
internal sealed partial class CsvSide(Stream stream, string name, string side, int file) : IDisposable
{
    private readonly CsvRecordScanner scanner = new(stream);
    private readonly List<(RawLine Record, long Offset)> pending = [];
    private readonly StatusCache statuses = new();
    private Encoding encoding = ExportEncoding.Utf8;
    private ExportHeader? header;
    private int[] columns = [];
    private int lastColumn = -1;

    /// <summary>How many rows the fast reading took (the others went through the ingest readers).</summary>
    public long FastRows { get; private set; }

    /// <summary>The fields this file states (its header's columns).</summary>
    public ReconFields Fields { get; private set; }

    /// <summary>Finds the encoding (from the first rows) and the header, reporting the rows before it that cannot be read.</summary>
    public void Prepare(Action<UnreadableRow> unreadable)
    {
        var head = new List<(RawLine Record, long Offset)>(ExportTable.HeaderSearchRows);
        while (head.Count < ExportTable.HeaderSearchRows && scanner.MoveNext())
        {
            head.Add((scanner.ToRawLine(), scanner.Offset));
        }

        encoding = ExportEncoding.Detect(head.Where(r => !r.Record.TooLong).Select(r => r.Record.Bytes));
        var search = new ExportHeaderSearch();
        var stopped = false;
        foreach (var (record, offset) in head)
        {
            if (search.Header is not null)
            {
                pending.Add((record, offset));
                continue;
            }

            Refuse(search.Feed(PlatformCsvReader.ToRow(record, encoding), out stopped), unreadable);
            if (stopped)
            {
                break;
            }
        }

        // Rows that could not be read are not searched: the search may go on past the rows the encoding was told from.
        while (search.Header is null && !stopped && scanner.MoveNext())
        {
            Refuse(search.Feed(PlatformCsvReader.ToRow(scanner.ToRawLine(), encoding), out stopped), unreadable);
        }

        if (search.Header is null)
        {
            if (!stopped)
            {
                Refuse(search.Finish(), unreadable);
            }

            return;
        }

        header = search.Header;
        columns = [.. Enum.GetValues<ExportColumn>().Select(header.IndexOf)];
        lastColumn = columns.Max();
        Fields = (header.Has(ExportColumn.IssueDate) ? ReconFields.IssueDate : 0)
            | (header.Has(ExportColumn.SellerTaxId) ? ReconFields.SellerTaxId : 0)
            | (header.Has(ExportColumn.BuyerTaxId) ? ReconFields.BuyerTaxId : 0)
            | (header.Has(ExportColumn.Amount) ? ReconFields.Amount : 0)
            | (header.Has(ExportColumn.Tax) ? ReconFields.Tax : 0)
            | (header.Has(ExportColumn.Total) ? ReconFields.Total : 0)
            | (header.Has(ExportColumn.Status) ? ReconFields.State : 0);
    }

    /// <summary>Reads every row after the header into <paramref name="sink"/>, then the rest of the file; gives its SHA-256.</summary>
    public byte[] Scan(ReconFields compared, DatePeriod? period, IReconSink sink)
    {
        if (header is not null)
        {
            foreach (var (record, offset) in pending)
            {
                Take(record.TooLong ? null : record.Bytes, record, offset, compared, period, sink);
            }

            pending.Clear();
            while (scanner.MoveNext())
            {
                if (scanner.TooLong is { } tooLong)
                {
                    General(tooLong, scanner.Offset, compared, period, sink);
                }
                else
                {
                    Take(scanner.Current, null, scanner.Offset, compared, period, sink);
                }
            }
        }

        return scanner.Finish();
    }

    /// <summary>A record the fast way when it can be, else the general way.</summary>
    private void Take(ReadOnlySpan<byte> bytes, RawLine? record, long offset, ReconFields compared, DatePeriod? period, IReconSink sink)
    {
        var number = record?.Number ?? scanner.Number;
        if (ReferenceEquals(encoding, ExportEncoding.Utf8) && record?.TooLong != true && TryFast(bytes, offset, number, compared, period, sink))
        {
            FastRows++;
        }
        else
        {
            General(record ?? new RawLine(number, bytes.ToArray(), bytes.Length, null), offset, compared, period, sink);
        }
    }

    /// <summary>The row starting at <paramref name="offset"/>, read in full by the ingest readers.</summary>
    public ReconRecord Read(long offset, long line)
    {
        var bytes = CsvRecordScanner.ReadAt(stream, offset);
        return Record(new RawLine(line, bytes, bytes.Length, null), _ => { })
            ?? throw new InvalidOperationException($"{name}:{line} was read before but not now: the file changed during the reconciliation.");
    }

    private void General(RawLine record, long offset, ReconFields compared, DatePeriod? period, IReconSink sink)
    {
        if (Record(record, sink.Unreadable) is not { } r)
        {
            return;
        }

        if (ReconKey.TryPack(r.Key, out var k0, out var k1, out var k2))
        {
            sink.Row(new ReconRow(k0, k1, k2, FieldPrint.Of(r, compared), file, offset, record.Number, InScope(r.IssueDate, period)));
        }
        else
        {
            sink.Unpacked(r);
        }
    }

    private ReconRecord? Record(RawLine record, Action<UnreadableRow> unreadable) =>
        ExportTable.ReadRow(header!, PlatformCsvReader.ToRow(record, encoding)) is { } row
            ? ReconInputReader.Keyed(row.Draft, $"{name}:{row.Number}", row.Problems, side, unreadable)
            : null;

    public static bool InScope(DateOnly? date, DatePeriod? period) => period is null || date is not { } d || period.Contains(d);

    private void Refuse(InputRow? refused, Action<UnreadableRow> unreadable)
    {
        if (refused is not null)
        {
            _ = ReconInputReader.Keyed(refused.Draft, $"{name}:{refused.Number}", refused.Problems, side, unreadable);
        }
    }

    public void Dispose() => scanner.Dispose();
}
