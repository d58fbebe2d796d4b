using System.Text;

namespace Fapiao.Formats.Exports;

/// <summary>
/// Tells a platform export in CSV from other text by its first bytes: they name an invoice-number
/// column and 开票日期 (in UTF-8 or GB18030), or they are the header of the ledger's own CSV export.
/// </summary>
internal static class ExportSniffer
{
    private static readonly string[] NumberNames = ["发票号码", "数电票号码"];

    private static readonly Lazy<byte[][][]> Patterns = new(() =>
    [
        .. new[] { ExportEncoding.Utf8, ExportEncoding.Gb18030 }.Select(encoding => new[]
        {
            encoding.GetBytes("开票日期"),
            encoding.GetBytes(NumberNames[0]),
            encoding.GetBytes(NumberNames[1]),
        }),
    ]);

    public static bool LooksLikeCsvExport(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Encoding.ASCII.GetBytes(ExportColumns.LedgerExportHeader)))
        {
            return true;
        }

        foreach (var names in Patterns.Value)
        {
            if (head.IndexOf(names[0]) >= 0 && (head.IndexOf(names[1]) >= 0 || head.IndexOf(names[2]) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An XLSX workbook: a zip with entries under <c>xl/</c> among its first (Excel writes
    /// xl/workbook.xml early; other writers put xl/worksheets/ or xl/sharedStrings.xml first).
    /// </summary>
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\u0003\u0004"u8) && head.IndexOf("xl/"u8) >= 0;
}
