using System.Text;
using Fapiao.Formats.Lines;
using Fapiao.Validation;

namespace Fapiao.Formats.Exports;

/// <summary>
/// A tax-platform export as CSV (UTF-8 with or without BOM, or GB18030; RFC 4180 quoting): one
/// invoice per row, columns found by their header names. Streams: only the rows searched for the
/// header are held at once, and no row longer than the record limit is ever buffered whole.
/// </summary>
internal sealed class PlatformCsvReader(int maxRecordBytes = CsvRecordReader.DefaultMaxRecordBytes) : IInputRowReader
{
    public IEnumerable<InputRow> Read(Stream stream) => ExportTable.Read(Rows(stream));

    private IEnumerable<TableRow> Rows(Stream stream)
    {
        using var records = CsvRecordReader.Read(stream, maxRecordBytes).GetEnumerator();
        var head = new List<RawLine>(ExportTable.HeaderSearchRows);
        while (head.Count < ExportTable.HeaderSearchRows && records.MoveNext())
        {
            head.Add(records.Current);
        }

        var encoding = ExportEncoding.Detect(head.Where(r => !r.TooLong).Select(r => r.Bytes));
        foreach (var record in head)
        {
            yield return ToRow(record, encoding);
        }

        head.Clear();
        while (records.MoveNext())
        {
            yield return ToRow(records.Current, encoding);
        }
    }

    /// <summary>One record to its cells in the file's encoding, or to the problem that kept it from being read.</summary>
    public static TableRow ToRow(RawLine record, Encoding encoding)
    {
        if (record.TooLong)
        {
            return new TableRow(record.Number, record.Bytes, record.Length, record.Sha256, null,
                [Problem.Error(ErrorCodes.InputTooLarge, "$", $"The row is {record.Length} bytes long; the limit is {record.Bytes.Length}. Its first bytes, length and SHA-256 are kept.")]);
        }

        var problems = new List<Problem>();
        var text = ExportEncoding.TryDecode(encoding, record.Bytes);
        if (text is null)
        {
            problems.Add(Problem.Error(ErrorCodes.EncodingInvalid, "$", $"The row is not valid {ExportEncoding.NameOf(encoding)}, the encoding of the file's first rows."));
            return new TableRow(record.Number, record.Bytes, record.Length, null, null, problems);
        }

        var cells = CsvFields.Split(text, problems).ConvertAll(ExportCell.OfText);
        return new TableRow(record.Number, record.Bytes, record.Length, null, cells, problems);
    }
}
