using System.Globalization;
using Npgsql;

namespace Fapiao.PostgreSql;

/// <summary>
/// Reads where the ledger database is: a URL (<c>postgres://user:password@host:port/database?sslmode=require</c>,
/// <c>postgresql://</c> too) or an Npgsql key=value connection string (<c>Host=…;Database=…</c>).
/// </summary>
internal static class PostgreSqlConnectionString
{
    /// <summary>True when <paramref name="text"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgres(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || text.Contains('=', StringComparison.Ordinal);

    /// <summary>The Npgsql connection string for a URL or a key=value string.</summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static string Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text).ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"Not a PostgreSQL connection string: {ex.Message}", ex);
            }
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new FormatException("Not a PostgreSQL URL: expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length > 0)
        {
            builder.Host = Uri.UnescapeDataString(uri.Host);
        }

        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                // libpq's names where they differ from Npgsql's; anything else as Npgsql knows it.
                builder[name.ToLowerInvariant() switch
                {
                    "sslmode" => "SSL Mode",
                    "application_name" => "Application Name",
                    "connect_timeout" => "Timeout",
                    "options" => "Options",
                    _ => name,
                }] = value;
            }
            catch (ArgumentException ex)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown connection parameter \"{name}\" in the URL: {ex.Message}"), ex);
            }
        }

        return builder.ConnectionString;
    }
}
