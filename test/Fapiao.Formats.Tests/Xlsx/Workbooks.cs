using System.Globalization;
using System.Text;
using Fapiao.Formats.Exports;
using Fapiao.Validation;
using MiniExcelLibs;

namespace Fapiao.Formats.Tests.Xlsx;

/// <summary>Workbooks made for tests: the platform-export fixture as a sheet, with its cells as text or typed as a spreadsheet would type them.</summary>
internal static class Workbooks
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The CSV fixture's rows, split into cells.</summary>
    public static List<List<string>> FixtureRows() =>
    [
        .. CsvRecordReader.Read(File.OpenRead(Fixture("platform-export.csv")))
            .Select(r => CsvFields.Split(Encoding.UTF8.GetString(r.Bytes), new List<Problem>())),
    ];

    /// <summary>
    /// A workbook of <paramref name="rows"/>; <paramref name="type"/> turns a cell (row index, header
    /// text of its column, text) into the value to write: a string stays a text cell, a double
    /// becomes a number cell, a DateTime a date cell.
    /// </summary>
    public static byte[] Create(List<List<string>> rows, Func<int, string, string, object?>? type = null)
    {
        var width = rows.Max(r => r.Count);
        var header = rows.FindIndex(r => r.Contains("开票日期"));
        var sheet = rows.Select((row, r) =>
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var c = 0; c < width; c++)
            {
                var text = c < row.Count ? row[c] : "";
                var column = header >= 0 && c < rows[header].Count ? rows[header][c] : "";
                values["c" + c.ToString(CultureInfo.InvariantCulture)] = r > header && type is not null ? type(r, column, text) : text;
            }

            return values;
        });
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>Amounts as number cells and dates as date cells, as a person re-saving the export in a spreadsheet gets them.</summary>
    public static object? AsSpreadsheetTypes(int row, string column, string text) => column switch
    {
        "金额" or "税额" or "价税合计" when text.Length > 0 => double.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
        "开票日期" => DateTime.Parse(text.Replace("年", "-", StringComparison.Ordinal).Replace("月", "-", StringComparison.Ordinal).Replace("日", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
        _ => text,
    };
}
