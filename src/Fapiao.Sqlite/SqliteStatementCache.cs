using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Fapiao.Sqlite;

/// <summary>
/// Prepared statements kept per physical connection, for the hot reads (show): SQLite compiles the
/// SQL once per connection instead of once per request. A pooled connection is used by one caller
/// at a time, so its statements are too. Entries go with their connection's native handle; the
/// store finalizes what is left when it is disposed.
/// </summary>
internal sealed class SqliteStatementCache : IDisposable
{
    private readonly ConditionalWeakTable<sqlite3, Dictionary<string, sqlite3_stmt>> statements = new();

    /// <summary>The statement for <paramref name="sql"/> on this connection, prepared on first use; reset it after use.</summary>
    public sqlite3_stmt Get(SqliteConnection connection, string sql)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var own = statements.GetValue(handle, _ => new Dictionary<string, sqlite3_stmt>(StringComparer.Ordinal));
        if (!own.TryGetValue(sql, out var statement))
        {
            var rc = raw.sqlite3_prepare_v2(handle, sql, out statement);
            if (rc != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
            }

            own.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Steps the statement: true with a row to read, false when done; SQLite's error otherwise.</summary>
    public static bool Step(SqliteConnection connection, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc),
        };
    }

    /// <summary>Readies the statement for its next use and lets go of the bound values.</summary>
    public static void Reset(sqlite3_stmt statement)
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    public void Dispose()
    {
        foreach (var (_, own) in (IEnumerable<KeyValuePair<sqlite3, Dictionary<string, sqlite3_stmt>>>)statements)
        {
            foreach (var statement in own.Values)
            {
                statement.Dispose();
            }
        }

        statements.Clear();
    }
}

/// <summary>The columns of the current row, read the same way from ADO.NET's reader and from a raw statement.</summary>
internal interface ISqliteRow
{
    bool IsNull(int ordinal);

    string Text(int ordinal);

    long Integer(int ordinal);

    byte[] Blob(int ordinal);

    /// <summary>The column's text in <paramref name="buffer"/> without a string (a new array when it does not fit).</summary>
    ReadOnlySpan<char> Chars(int ordinal, Span<char> buffer);
}

internal readonly struct ReaderRow(SqliteDataReader reader) : ISqliteRow
{
    public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    public string Text(int ordinal) => reader.GetString(ordinal);

    public long Integer(int ordinal) => reader.GetInt64(ordinal);

    public byte[] Blob(int ordinal) => (byte[])reader.GetValue(ordinal);

    public ReadOnlySpan<char> Chars(int ordinal, Span<char> buffer) => reader.GetString(ordinal);
}

internal readonly struct StatementRow(sqlite3_stmt statement) : ISqliteRow
{
    public bool IsNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;

    public string Text(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

    public long Integer(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);

    public byte[] Blob(int ordinal) => raw.sqlite3_column_blob(statement, ordinal).ToArray();

    public ReadOnlySpan<char> Chars(int ordinal, Span<char> buffer)
    {
        // The same decoding as Text (utf8_to_string), into the caller's buffer.
        var utf8 = Span(ordinal);
        return System.Text.Encoding.UTF8.TryGetChars(utf8, buffer, out var length)
            ? buffer[..length]
            : System.Text.Encoding.UTF8.GetString(utf8);
    }

    /// <summary>The column's bytes in SQLite's own buffer (text as UTF-8), valid until the statement steps again.</summary>
    public ReadOnlySpan<byte> Span(int ordinal) => raw.sqlite3_column_blob(statement, ordinal);
}
