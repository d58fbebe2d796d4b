using System.Text;
using Fapiao.Formats.Exports;

namespace Fapiao.Reconciliation;

/// <summary>
/// The report as one CSV file (UTF-8 with BOM, so spreadsheets read the Chinese): every difference
/// a row, its class first, then the class's columns. Cells starting like a formula are guarded.
/// </summary>
internal static class ReconciliationCsv
{
    public static void Write(Stream stream, ReconciliationResult result)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var (name, _, header, rows) in ReportRows.Tables(result))
        {
            writer.WriteLine(CsvText.Row(["class", .. header], guardFormulas: true));
            foreach (var row in rows)
            {
                writer.WriteLine(CsvText.Row([name, .. row], guardFormulas: true));
            }
        }

        writer.WriteLine(CsvText.Row(["summary", "matched", result.Matched.ToString(System.Globalization.CultureInfo.InvariantCulture)], guardFormulas: true));
    }
}
