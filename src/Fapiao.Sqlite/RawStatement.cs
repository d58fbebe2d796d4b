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

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    public RawStatement Text(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value));
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
