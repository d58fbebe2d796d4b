using System.Globalization;

namespace Fapiao.Reconciliation;

/// <summary>An inclusive range of issue dates, written <c>FROM..TO</c> (days <c>2024-05-01..2024-05-31</c> or months <c>2024-05..2024-06</c>).</summary>
internal sealed record DatePeriod(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    public static bool TryParse(string text, out DatePeriod? period)
    {
        period = null;
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            // One month or one day alone is a period too.
            if (TryDay(text, end: false, out var only) && TryDay(text, end: true, out var onlyEnd))
            {
                period = new DatePeriod(only, onlyEnd);
                return true;
            }

            return false;
        }

        if (!TryDay(text[..dots], end: false, out var from) || !TryDay(text[(dots + 2)..], end: true, out var to) || to < from)
        {
            return false;
        }

        period = new DatePeriod(from, to);
        return true;
    }

    private static bool TryDay(string text, bool end, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            date = end ? date.AddMonths(1).AddDays(-1) : date;
            return true;
        }

        return false;
    }
}
