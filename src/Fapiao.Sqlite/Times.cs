using System.Globalization;

namespace Fapiao.Sqlite;

/// <summary>Times are stored as ISO 8601 UTC text with milliseconds, which sorts as it reads.</summary>
internal static class Times
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(Layout, CultureInfo.InvariantCulture);

    private const string Layout = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The last text parsed on this thread: the events of one group commit share their time, so reads meet it again and again.</summary>
    [ThreadStatic]
    private static (string Text, DateTimeOffset Value)? last;

    public static DateTimeOffset Parse(string text)
    {
        if (last is { } l && string.Equals(l.Text, text, StringComparison.Ordinal))
        {
            return l.Value;
        }

        // The layout this store writes, exactly; anything else through the general parser as before.
        var value = DateTimeOffset.TryParseExact(text, Layout, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        last = (text, value);
        return value;
    }
}
