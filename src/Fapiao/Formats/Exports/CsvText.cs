namespace Fapiao.Formats.Exports;

/// <summary>RFC 4180 CSV text: a cell holding a comma, quote or line break is quoted, its quotes doubled.</summary>
internal static class CsvText
{
    public static string Row(IEnumerable<string?> cells, bool guardFormulas = false) => string.Join(',', cells.Select(c => Cell(c, guardFormulas)));

    /// <summary>
    /// One cell. With <paramref name="guardFormulas"/>, a cell a spreadsheet would run as a formula
    /// (starting with <c>=</c>, <c>+</c> or <c>@</c>) is prefixed with a quote.
    /// </summary>
    public static string Cell(string? value, bool guardFormulas = false)
    {
        value ??= "";
        if (guardFormulas && value.Length > 0 && value[0] is '=' or '+' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
