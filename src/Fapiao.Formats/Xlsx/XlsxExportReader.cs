using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fapiao.Formats.Exports;
using Fapiao.Validation;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Fapiao.Formats.Xlsx;

/// <summary>
/// A tax-platform export as an XLSX workbook (its first sheet), read row by row with MiniExcel's
/// streaming reader: header search and mapping are the CSV reader's (<see cref="ExportTable"/>);
/// only the cells differ, as a sheet keeps numbers and dates as such. A row's bytes for quarantine
/// are its cells written as one CSV line. A file that is no readable workbook is refused as one
/// item (<c>spreadsheet.invalid</c>); a failure part-way refuses the rest of the file the same way.
/// </summary>
internal sealed class XlsxExportReader(int maxRowBytes = CsvRecordReader.DefaultMaxRecordBytes) : IInputRowReader
{
    private static readonly OpenXmlConfiguration Configuration = new()
    {
        FillMergedCells = false,
        EnableSharedStringCache = true,
    };

    public IEnumerable<InputRow> Read(Stream stream)
    {
        var seekable = SeekableInput.Open(stream);
        if (seekable is null)
        {
            yield return Invalid(1, $"The file is longer than {SeekableInput.MaxSpooledBytes} bytes.");
            yield break;
        }

        try
        {
            if (XlsxPackageGuard.Check(seekable) is { } refusal)
            {
                yield return Invalid(1, refusal);
                yield break;
            }

            foreach (var row in ExportTable.Read(Rows(seekable)))
            {
                yield return row;
            }
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                seekable.Dispose();
            }
        }
    }

    private IEnumerable<TableRow> Rows(Stream stream)
    {
        IEnumerator<object>? rows = null;
        TableRow? failure = null;
        long number = 0;
        try
        {
            while (true)
            {
                TableRow? next = null;
                try
                {
                    rows ??= MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: Configuration).GetEnumerator();
                    next = rows.MoveNext() ? ToRow(++number, (IDictionary<string, object?>)rows.Current) : null;
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    // A damaged sheet makes the workbook reader throw, of whatever type: it becomes the file's last item.
                    failure = new TableRow(number + 1, [], 0, null, null,
                        [Problem.Error(ErrorCodes.SpreadsheetInvalid, "$", $"The workbook cannot be read from row {number + 1} on: {ex.Message}")]);
                }

                if (next is null)
                {
                    break;
                }

                yield return next;
            }
        }
        finally
        {
            rows?.Dispose();
        }

        if (failure is not null)
        {
            yield return failure;
        }
    }

    private TableRow ToRow(long number, IDictionary<string, object?> values)
    {
        var cells = new List<ExportCell>(values.Count);
        foreach (var value in values.Values)
        {
            cells.Add(Cell(value));
        }

        var raw = Encoding.UTF8.GetBytes(CsvText.Row(cells.Select(c => c.ToString())));
        if (raw.Length <= maxRowBytes)
        {
            return new TableRow(number, raw, raw.Length, null, cells, []);
        }

        return new TableRow(number, raw[..maxRowBytes], raw.Length, SHA256.HashData(raw), null,
            [Problem.Error(ErrorCodes.InputTooLarge, "$", $"The row is {raw.Length} bytes long as CSV; the limit is {maxRowBytes}. Its first bytes, length and SHA-256 are kept.")]);
    }

    private static ExportCell Cell(object? value) => value switch
    {
        null => default,
        string text => ExportCell.OfText(text),
        DateTime date => ExportCell.OfDate(date),
        bool flag => ExportCell.OfText(flag ? "TRUE" : "FALSE"),
        double or float or decimal or int or long or short or byte => ExportCell.OfNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => ExportCell.OfText(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static InputRow Invalid(long number, string message) =>
        new(number, [], 0, null, null, [Problem.Error(ErrorCodes.SpreadsheetInvalid, "$", message)]);
}
