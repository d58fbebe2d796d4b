using Fapiao.Formats.Exports;

namespace Fapiao.Cli.Output;

/// <summary>RFC 4180 CSV cells; a cell that a spreadsheet would turn into a formula is prefixed with a quote.</summary>
internal static class Csv
{
    public static string Row(IEnumerable<string?> cells) => CsvText.Row(cells, guardFormulas: true);

    public static string Cell(string? value) => CsvText.Cell(value, guardFormulas: true);
}
