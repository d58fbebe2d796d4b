using System.Globalization;

namespace Fapiao.Sqlite;

/// <summary>Times are stored as ISO 8601 UTC text with milliseconds, which sorts as it reads.</summary>
internal static class Times
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
