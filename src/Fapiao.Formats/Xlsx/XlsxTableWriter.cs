using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Fapiao.Formats.Xlsx;

/// <summary>
/// Writes a table as an XLSX workbook with MiniExcel, row by row as the rows are enumerated. Every
/// cell is a text cell: invoice numbers, tax IDs and amounts never become floating-point numbers,
/// and text starting with <c>=</c> is a string, not a formula.
/// </summary>
internal static class XlsxTableWriter
{
    private static readonly OpenXmlConfiguration Configuration = new()
    {
        EnableAutoWidth = false,
        FastMode = false,
    };

    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string sheetName = "invoices")
    {
        // The header is written as a row of its own, so that an empty table still has one.
        MiniExcel.SaveAs(stream, Dictionaries(header, rows), printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: Configuration);
    }

    /// <summary>Several tables, a sheet each, in the order given (a reconciliation report: a sheet per class).</summary>
    public static void WriteSheets(Stream stream, IEnumerable<(string Sheet, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows)> tables)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (sheet, header, rows) in tables)
        {
            sheets[sheet] = Dictionaries(header, rows);
        }

        MiniExcel.SaveAs(stream, sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: Configuration);
    }

    private static IEnumerable<IDictionary<string, object?>> Dictionaries(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var keys = Enumerable.Range(0, header.Count).Select(i => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        yield return Row(keys, header);
        foreach (var row in rows)
        {
            yield return Row(keys, row);
        }
    }

    /// <summary>Strings only: MiniExcel writes a string as a text cell whatever it looks like.</summary>
    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<string?> row)
    {
        var values = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            values[keys[i]] = i < row.Count ? row[i] ?? "" : "";
        }

        return values;
    }
}
