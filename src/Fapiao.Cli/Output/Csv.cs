namespace Fapiao.Cli.Output;

/// <summary>RFC 4180 CSV cells; a cell that a spreadsheet would turn into a formula is prefixed with a quote.</summary>
internal static class Csv
{
    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
