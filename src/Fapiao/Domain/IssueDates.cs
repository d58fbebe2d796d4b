namespace Fapiao.Domain;

/// <summary>
/// The date spellings invoices use, each read strictly: exact width, ASCII digits, a real
/// calendar date. Nothing here throws.
/// </summary>
internal static class IssueDates
{
    /// <summary>Reads <c>yyyy-MM-dd</c> (the JSON <c>issueDate</c>).</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        return text.Length == 10
            && text[4] == '-'
            && text[7] == '-'
            && TryCompose(text[..4], text[5..7], text[8..], out date);
    }

    /// <summary>Reads <c>yyyyMMdd</c> (QR codes).</summary>
    public static bool TryParseCompactDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        return text.Length == 8 && TryCompose(text[..4], text[4..6], text[6..], out date);
    }

    /// <summary>Reads <c>yyyy年MM月dd日</c>, e.g. <c>2020年07月23日</c> (legacy e-invoice XML).</summary>
    public static bool TryParseChineseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        return text.Length == 11
            && text[4] == '年'
            && text[7] == '月'
            && text[10] == '日'
            && TryCompose(text[..4], text[5..7], text[8..10], out date);
    }

    private static bool TryCompose(ReadOnlySpan<char> year, ReadOnlySpan<char> month, ReadOnlySpan<char> day, out DateOnly date)
    {
        date = default;
        if (!TryReadDigits(year, out int y) || !TryReadDigits(month, out int m) || !TryReadDigits(day, out int d)
            || y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
