using Fapiao.Domain;

namespace Fapiao.Formats.Exports;

/// <summary>
/// The date spellings of platform exports and spreadsheets: <c>2024-05-28</c>,
/// <c>2024-05-28 10:08:05</c>, <c>2024/5/28</c> (and with a time), <c>2024年05月28日</c>. A time of
/// day is checked for form and dropped: an invoice carries its date only.
/// </summary>
internal static class ExportDates
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var space = text.IndexOfAny(' ', 'T');
        if (space >= 0)
        {
            if (!IsTime(text[(space + 1)..].TrimStart()))
            {
                return false;
            }

            text = text[..space];
        }

        if (IssueDates.TryParseIsoDate(text, out date) || IssueDates.TryParseChineseDate(text, out date) || IssueDates.TryParseCompactDate(text, out date))
        {
            return true;
        }

        Span<Range> parts = stackalloc Range[4];
        var separator = text.Contains('/') ? '/' : '-';
        if (text.Split(parts, separator) != 3)
        {
            return false;
        }

        var year = text[parts[0]];
        var month = text[parts[1]];
        var day = text[parts[2]];
        if (year.Length != 4 || month.Length is < 1 or > 2 || day.Length is < 1 or > 2)
        {
            return false;
        }

        Span<char> iso = stackalloc char[10];
        year.CopyTo(iso);
        iso[4] = '-';
        Pad(month, iso[5..7]);
        iso[7] = '-';
        Pad(day, iso[8..10]);
        return IssueDates.TryParseIsoDate(iso, out date);
    }

    private static void Pad(ReadOnlySpan<char> digits, Span<char> two)
    {
        two[0] = digits.Length == 1 ? '0' : digits[0];
        two[1] = digits[^1];
    }

    /// <summary><c>H:mm</c>, <c>HH:mm:ss</c>, optionally with fractions of a second.</summary>
    private static bool IsTime(ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            if (text[(dot + 1)..].ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            text = text[..dot];
        }

        Span<Range> parts = stackalloc Range[4];
        var count = text.Split(parts, ':');
        if (count is < 2 or > 3)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var part = text[parts[i]];
            if (part.Length is < 1 or > 2 || part.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        return true;
    }
}
