using System.Globalization;
using System.Xml.Linq;
using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Formats.Xml;

/// <summary>
/// Reading field text out of invoice files (XML, OFD), the same way for every layout: trimmed,
/// empty as absent, within the text limits, and the few spellings the files use turned into
/// the draft's (dates as YYYY-MM-DD, amounts without the currency sign).
/// </summary>
internal static class XmlValues
{
    /// <summary>The trimmed text of <paramref name="element"/>, null when it is absent or empty.</summary>
    public static string? Text(XElement? element, string field, int maxLength, List<Problem> problems) =>
        Checked(element?.Value, field, maxLength, problems);

    /// <summary>The trimmed text, null when empty; a text too long or holding a control character is reported and dropped.</summary>
    public static string? Checked(string? raw, string field, int maxLength, List<Problem> problems)
    {
        var value = raw?.Trim();
        return string.IsNullOrEmpty(value) ? null : TextLimits.Check(value, field, maxLength, problems);
    }

    /// <summary>Remarks span lines in the files; the record keeps them on one line, each break a space.</summary>
    public static string? Remarks(string? raw, string field, List<Problem> problems) =>
        Checked(raw?.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '), field, TextLimits.Remarks, problems);

    /// <summary>An amount without a leading ¥ or ￥ and the spaces around it (OFD pages print them as separate text).</summary>
    public static string? Money(string? text) => text?.Replace("¥", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal).Trim() is { Length: > 0 } money ? money : null;

    /// <summary>
    /// A date as YYYY-MM-DD from the spellings the files use: <c>2023-02-23 10:08:05</c> (the date
    /// part), <c>2020年07月23日</c>, <c>20200723</c>. Anything else is returned as it is, for the
    /// validator to report with its place.
    /// </summary>
    public static string? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var span = text.AsSpan();
        if (span.Length > 10 && span[10] is ' ' or 'T' && IssueDates.TryParseIsoDate(span[..10], out var timed))
        {
            return Iso(timed);
        }

        return IssueDates.TryParseChineseDate(span, out var chinese) ? Iso(chinese)
            : IssueDates.TryParseCompactDate(span, out var compact) ? Iso(compact)
            : text;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
