using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Fapiao.Sqlite;

/// <summary>
/// A prepared statement driven through SQLite's own API, for the writer's bulk inserts: binding and
/// stepping without ADO.NET's per-parameter work costs a third of the time per row. Values are
/// still bound as parameters, never spliced into SQL.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private byte[] utf8 = new byte[256];

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    public RawStatement Text(int index, string? value) =>
        value is null ? Null(index) : Text(index, value.AsSpan());

    /// <summary>
    /// Binds text encoded into a buffer the statement keeps (SQLite copies it): no UTF-8 array per
    /// value, and no string at all for values formatted into a span.
    /// </summary>
    public RawStatement Text(int index, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            // An empty span would reach SQLite as a null pointer, which binds NULL, not ''.
            Check(raw.sqlite3_bind_text(statement, index, string.Empty));
            return this;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > utf8.Length)
        {
            utf8 = new byte[Math.Max(max, utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, utf8);
        Check(raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, length)));
        return this;
    }

    public RawStatement Null(int index)
    {
        Check(raw.sqlite3_bind_null(statement, index));
        return this;
    }

    public RawStatement Blob(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(statement, index, value));
        return this;
    }

    public RawStatement Integer(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    /// <summary>Runs the statement once with the values bound, then readies it for the next row.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    public void Dispose() => statement.Dispose();
}
