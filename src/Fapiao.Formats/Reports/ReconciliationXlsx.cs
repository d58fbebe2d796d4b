using Fapiao.Formats.Xlsx;
using Fapiao.Reconciliation;

namespace Fapiao.Formats.Reports;

/// <summary>
/// The report as a workbook: a summary sheet, then a sheet per class. Every cell is text, so keys
/// and tax IDs keep every digit and amounts their two decimals.
/// </summary>
internal static class ReconciliationXlsx
{
    public static void Write(Stream stream, ReconciliationResult result)
    {
        var summary = new List<IReadOnlyList<string?>>
        {
            new[] { "left", result.Left.Name, Count(result.Left.Count), result.Left.Sha256 },
            new[] { "right", result.Right.Name, Count(result.Right.Count), result.Right.Sha256 },
            new[] { "period", result.Period?.ToString(), null, null },
            new[] { "matched", Count(result.Matched), null, null },
            new[] { DifferenceClasses.MissingInLedger, Count(result.MissingInLedger.Count), null, null },
            new[] { DifferenceClasses.MissingInOther, Count(result.MissingInOther.Count), null, null },
            new[] { DifferenceClasses.Mismatched, Count(result.Mismatched.Count), null, null },
            new[] { DifferenceClasses.Duplicate, Count(result.Duplicates.Count), null, null },
            new[] { "suggestions", Count(result.Suggestions.Count), null, null },
            new[] { "unreadable", Count(result.Unreadable.Count), null, null },
        };
        var tables = new List<(string, IReadOnlyList<string>, IEnumerable<IReadOnlyList<string?>>)>
        {
            ("summary", ["item", "value", "rows", "sha256"], summary),
        };
        tables.AddRange(ReportRows.Tables(result).Select(t => (t.Name, (IReadOnlyList<string>)t.Header, t.Rows.Select(r => (IReadOnlyList<string?>)r))));
        XlsxTableWriter.WriteSheets(stream, tables);
    }

    private static string Count(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
