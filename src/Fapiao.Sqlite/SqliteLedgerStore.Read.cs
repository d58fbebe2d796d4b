using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Originals;
using Fapiao.Storage;
using Microsoft.Data.Sqlite;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.Sqlite;

internal sealed partial class SqliteLedgerStore
{
    public async ValueTask<LogHead> GetHeadAsync(string tenant, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await ReadHeadAsync(connection, tenant, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The tenant \"{tenant}\" does not exist.");
    }

    public async ValueTask<InvoiceRecord?> GetInvoiceAsync(string tenant, string key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = SqliteRows.SelectInvoice + " WHERE tenant = $t AND key = $k;";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$k", key);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? SqliteRows.ReadInvoice(reader) : null;
    }

    public async ValueTask<InvoiceHistory?> GetInvoiceHistoryAsync(string tenant, string key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var statement = statements.Get(connection, SqliteRows.SelectInvoiceHistory);
        try
        {
            SQLitePCL.raw.sqlite3_bind_text(statement, 1, tenant);
            SQLitePCL.raw.sqlite3_bind_text(statement, 2, key);
            if (!SqliteStatementCache.Step(connection, statement))
            {
                return null;
            }

            var row = new StatementRow(statement);
            var record = SqliteRows.ReadInvoice(row);
            var events = new List<StoredEvent>(1);
            do
            {
                if (!row.IsNull(SqliteRows.HistoryEventOrdinal))
                {
                    events.Add(SqliteRows.ReadEvent(row, SqliteRows.HistoryEventOrdinal));
                }
            }
            while (SqliteStatementCache.Step(connection, statement));

            return new InvoiceHistory(record, events);
        }
        finally
        {
            SqliteStatementCache.Reset(statement);
        }
    }

    public async IAsyncEnumerable<InvoiceRecord> QueryInvoicesAsync(string tenant, InvoiceQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        // Positional parameters in the order the filters are present: a handful of fixed SQL texts, each prepared once per connection.
        var where = new StringBuilder("tenant = ?1");
        var values = new List<object> { tenant };
        void Filter(string column, string op, object? value)
        {
            if (value is not null)
            {
                values.Add(value);
                where.Append(CultureInfo.InvariantCulture, $" AND {column} {op} ?{values.Count}");
            }
        }

        Filter("seller_tax_id", "=", query.Seller);
        Filter("buyer_tax_id", "=", query.Buyer);
        Filter("issue_date", ">=", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Filter("issue_date", "<=", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Filter("state", "=", query.State?.ToText());
        Filter("key", ">", query.AfterKey);
        Filter("key", "<=", query.UpToKey);
        var limit = "";
        if (query.Limit is { } n)
        {
            values.Add((long)n);
            limit = $" LIMIT ?{values.Count}";
        }

        await foreach (var row in StepAsync($"{SqliteRows.SelectInvoice} WHERE {where} ORDER BY key{limit};", values, ct).ConfigureAwait(false))
        {
            yield return SqliteRows.ReadInvoice(row);
        }
    }

    public async ValueTask<StoredEvent?> GetEventAsync(string tenant, long index, CancellationToken ct)
    {
        // Prepared once per connection: receipts for a batch of duplicates read one event each.
        await foreach (var row in StepAsync(SelectEvents + " AND idx = ?2;", [tenant, index], ct).ConfigureAwait(false))
        {
            return SqliteRows.ReadEvent(row);
        }

        return null;
    }

    private const string SelectEvents = $"SELECT {SqliteRows.EventColumns} FROM events WHERE tenant = ?1";

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string tenant, long from, long to, CancellationToken ct) =>
        ReadEventsWhereAsync(SelectEvents + " AND idx >= ?2 AND idx < ?3 ORDER BY idx;", [tenant, from, to], ct);

    public IAsyncEnumerable<StoredEvent> ReadEventsByKeyAsync(string tenant, KeyRange range, CancellationToken ct)
    {
        var (sql, values) = EventsByKey(tenant, range);
        return ReadEventsWhereAsync(sql, values, ct);
    }

    public IAsyncEnumerable<StoredEvent> ReadEventsForKeyAsync(string tenant, string key, CancellationToken ct) =>
        ReadEventsWhereAsync(SelectEvents + " AND key = ?2 ORDER BY idx;", [tenant, key], ct);

    public IAsyncEnumerable<EventRow> ScanEventsAsync(string tenant, CancellationToken ct) =>
        ScanEventsWhereAsync(SelectEvents + " ORDER BY idx;", [tenant], ct);

    public IAsyncEnumerable<EventRow> ScanEventsByKeyAsync(string tenant, KeyRange range, CancellationToken ct)
    {
        var (sql, values) = EventsByKey(tenant, range);
        return ScanEventsWhereAsync(sql, values, ct);
    }

    /// <summary>Events in key order within a range; NULL keys sort first in SQLite, so they belong to the range open below.</summary>
    private static (string Sql, List<object> Values) EventsByKey(string tenant, KeyRange range)
    {
        var values = new List<object> { tenant };
        var sql = new StringBuilder(SelectEvents);
        if (range.After is { } after)
        {
            values.Add(after);
            sql.Append(CultureInfo.InvariantCulture, $" AND key > ?{values.Count}");
        }

        if (range.UpTo is { } upTo)
        {
            values.Add(upTo);
            sql.Append(range.After is null ? " AND (key IS NULL OR key <= ?" : " AND key <= ?")
                .Append(values.Count)
                .Append(range.After is null ? ")" : "");
        }

        return (sql.Append(" ORDER BY key, idx;").ToString(), values);
    }

    private async IAsyncEnumerable<StoredEvent> ReadEventsWhereAsync(string sql, IReadOnlyList<object> values, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in StepAsync(sql, values, ct).ConfigureAwait(false))
        {
            yield return SqliteRows.ReadEvent(row);
        }
    }

    /// <summary>
    /// Events as one reused <see cref="EventRow"/>, copied straight from SQLite's buffers: no
    /// record, array or string per event. A NULL where the schema forbids one fails the read,
    /// as it does through <see cref="SqliteRows.ReadEvent{TRow}"/>.
    /// </summary>
    private async IAsyncEnumerable<EventRow> ScanEventsWhereAsync(string sql, IReadOnlyList<object> values, [EnumeratorCancellation] CancellationToken ct)
    {
        var row = new EventRow();
        var at = new TimeText();
        await foreach (var r in StepAsync(sql, values, ct).ConfigureAwait(false))
        {
            Fill(row, r, at);
            yield return row;
        }
    }

    private static void Fill(EventRow row, StatementRow r, TimeText at)
    {
        // SQLite gives NULL as no bytes: only an empty value needs its type asked for.
        ReadOnlySpan<byte> kind = r.Span(1), key = r.Span(2), time = r.Span(3), bytes = r.Span(4), leaf = r.Span(5);
        if ((kind.IsEmpty && r.IsNull(1)) || (time.IsEmpty && r.IsNull(3)) || (bytes.IsEmpty && r.IsNull(4)) || (leaf.IsEmpty && r.IsNull(5)))
        {
            throw new FormatException($"Event {r.Integer(0)} has a NULL column.");
        }

        row.Set(r.Integer(0), kind, !key.IsEmpty || !r.IsNull(2), key, at.Parse(time), bytes, leaf);
    }

    /// <summary>The stored time of the row before, kept as its bytes: the events of one group commit share it.</summary>
    private sealed class TimeText
    {
        private byte[] utf8 = [];
        private DateTimeOffset value;

        public DateTimeOffset Parse(ReadOnlySpan<byte> text)
        {
            if (!text.SequenceEqual(utf8))
            {
                value = Times.Parse(Encoding.UTF8.GetString(text));
                utf8 = text.ToArray();
            }

            return value;
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (prepared once per connection) with <paramref name="values"/> bound
    /// to ?1, ?2, … and hands out each row; a row is valid until the next is asked for. Driven
    /// through SQLite's own API: ADO.NET's reader costs more per row than the row itself.
    /// </summary>
    private async IAsyncEnumerable<StatementRow> StepAsync(string sql, IReadOnlyList<object> values, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var statement = statements.Get(connection, sql);
        try
        {
            for (var i = 0; i < values.Count; i++)
            {
                var rc = values[i] switch
                {
                    string text => SQLitePCL.raw.sqlite3_bind_text(statement, i + 1, text),
                    long number => SQLitePCL.raw.sqlite3_bind_int64(statement, i + 1, number),
                    var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
                };
                if (rc != SQLitePCL.raw.SQLITE_OK)
                {
                    throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
                }
            }

            var rows = 0;
            while (SqliteStatementCache.Step(connection, statement))
            {
                if ((++rows & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                yield return new StatementRow(statement);
            }
        }
        finally
        {
            SqliteStatementCache.Reset(statement);
        }
    }

    public async IAsyncEnumerable<(int Level, long Index, byte[] Hash)> ReadNodesAsync(string tenant, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT level, idx, hash FROM nodes WHERE tenant = $t ORDER BY level, idx;";
        cmd.Parameters.AddWithValue("$t", tenant);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return (reader.GetInt32(0), reader.GetInt64(1), (byte[])reader.GetValue(2));
        }
    }

    /// <summary>Reads a run of stored hashes: leaf hashes from the events at level 0, tree nodes above.</summary>
    /// <summary>
    /// The stored hashes at <paramref name="level"/> from <paramref name="from"/>: leaf hashes from the
    /// events, higher levels from the nodes. Prepared once per connection: a proof makes one such
    /// read per level, and the receipts of a batch make many.
    /// </summary>
    internal async Task<IReadOnlyList<byte[]>> ReadHashesAsync(string tenant, int level, long from, int count, CancellationToken ct)
    {
        var (sql, values) = level == 0
            ? ("SELECT leaf_hash FROM events WHERE tenant = ?1 AND idx >= ?2 AND idx < ?3 ORDER BY idx;", new object[] { tenant, from, from + count })
            : ("SELECT hash FROM nodes WHERE tenant = ?1 AND idx >= ?2 AND idx < ?3 AND level = ?4 ORDER BY idx;", new object[] { tenant, from, from + count, (long)level });
        var list = new List<byte[]>(count);
        await foreach (var row in StepAsync(sql, values, ct).ConfigureAwait(false))
        {
            list.Add(row.Blob(0));
        }

        if (list.Count != count)
        {
            throw new InvalidOperationException($"The store holds {list.Count} of the {count} hashes at level {level} from {from}: run verify.");
        }

        return list;
    }

    public async ValueTask<SignedCheckpoint?> GetLatestCheckpointAsync(string tenant, CancellationToken ct)
    {
        await foreach (var cp in ReadCheckpointsWhereAsync(tenant, "ORDER BY size DESC LIMIT 1", ct).ConfigureAwait(false))
        {
            return cp;
        }

        return null;
    }

    public IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync(string tenant, CancellationToken ct) =>
        ReadCheckpointsWhereAsync(tenant, "ORDER BY size", ct);

    private async IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsWhereAsync(string tenant, string order, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT size, root, at, body, signature FROM checkpoints WHERE tenant = $t {order};";
        cmd.Parameters.AddWithValue("$t", tenant);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return new SignedCheckpoint(reader.GetInt64(0), (byte[])reader.GetValue(1), Times.Parse(reader.GetString(2)), reader.GetString(3), (byte[])reader.GetValue(4));
        }
    }

    public IAsyncEnumerable<QuarantineItem> ListQuarantineAsync(string tenant, CancellationToken ct) =>
        ReadQuarantineWhereAsync("q.tenant = $t ORDER BY q.id", tenant, null, ct);

    public async IAsyncEnumerable<QuarantineItem> ListQuarantineByKeysAsync(string tenant, IReadOnlyCollection<string> keys, bool keyless, [EnumeratorCancellation] CancellationToken ct)
    {
        // Two index lookups (INDEXED BY: without statistics the planner prefers the primary key, a scan of the tenant), merged in id order.
        var items = await ReadQuarantineWhereAsync("q.tenant = $t AND q.key IN (SELECT value FROM json_each($keys))", tenant, null, ct, System.Text.Json.JsonSerializer.Serialize(keys), QuarantineByKey)
            .ToListAsync(ct).ConfigureAwait(false);
        if (keyless)
        {
            items.AddRange(await ReadQuarantineWhereAsync("q.tenant = $t AND q.key IS NULL", tenant, null, ct, indexedBy: QuarantineByKey).ToListAsync(ct).ConfigureAwait(false));
        }

        foreach (var item in items.OrderBy(i => i.Id))
        {
            yield return item;
        }
    }

    private const string QuarantineByKey = "quarantine_by_key";

    public async ValueTask<QuarantineItem?> GetQuarantineAsync(string tenant, long id, CancellationToken ct)
    {
        await foreach (var item in ReadQuarantineWhereAsync("q.tenant = $t AND q.id = $id", tenant, id, ct).ConfigureAwait(false))
        {
            return item;
        }

        return null;
    }

    private async IAsyncEnumerable<QuarantineItem> ReadQuarantineWhereAsync(string where, string tenant, long? id, [EnumeratorCancellation] CancellationToken ct, string keysJson = "[]", string? indexedBy = null)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT q.id, q.outcome, q.source, q.at, q.actor, q.key, q.raw, q.raw_length, q.raw_sha256, q.problems, q.original_sha256, q.original_place,
                   r.quarantine_id, r.event_idx, r.key, r.at
            FROM quarantine q{(indexedBy is null ? "" : " INDEXED BY " + indexedBy)} LEFT JOIN quarantine_resolutions r ON r.tenant = q.tenant AND r.quarantine_id = q.id
            WHERE {where};
            """;
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$id", id ?? 0);
        cmd.Parameters.AddWithValue("$keys", keysJson);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return new QuarantineItem
            {
                Id = reader.GetInt64(0),
                Outcome = reader.GetString(1),
                Source = reader.GetString(2),
                At = Times.Parse(reader.GetString(3)),
                Actor = reader.GetString(4),
                Key = reader.IsDBNull(5) ? null : reader.GetString(5),
                Raw = (byte[])reader.GetValue(6),
                RawLength = reader.GetInt64(7),
                RawSha256 = (byte[])reader.GetValue(8),
                Problems = ProblemsJson.Read(reader.GetString(9)),
                Original = reader.IsDBNull(10) ? null : new OriginalRef(reader.GetString(10), reader.GetString(11)),
                Resolution = SqliteRows.ReadResolution(reader, 12),
            };
        }
    }
}
