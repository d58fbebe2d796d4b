namespace Fapiao.Formats.Exports;

/// <summary>How export cells are cleaned before they are read: white space around them goes.</summary>
internal static class ExportText
{
    /// <summary>
    /// Trims white space, the ideographic space (U+3000) included, and unwraps <c>="…"</c>, the
    /// form some exporters use to keep a spreadsheet from reading a long number as a float, and drops
    /// the quote that guards a cell starting with <c>=</c>, <c>+</c> or <c>@</c> from being run as a
    /// formula (spreadsheets hide it; the ledger's own CSV export writes it).
    /// </summary>
    public static string Trim(string? text)
    {
        var span = (text ?? "").AsSpan().Trim();
        if (span.Length >= 3 && span.StartsWith("=\"", StringComparison.Ordinal) && span.EndsWith("\"", StringComparison.Ordinal))
        {
            span = span[2..^1].Trim();
        }
        else if (span.Length >= 2 && span[0] == '\'' && span[1] is '=' or '+' or '@')
        {
            span = span[1..];
        }

        return span.Length == (text?.Length ?? 0) ? text ?? "" : span.ToString();
    }
}
