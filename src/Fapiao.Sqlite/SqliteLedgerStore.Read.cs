using System.Globalization;
using System.Runtime.CompilerServices;
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
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        var where = new List<string> { "tenant = $t" };
        cmd.Parameters.AddWithValue("$t", tenant);
        void Filter(string clause, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(clause);
                cmd.Parameters.AddWithValue(name, value);
            }
        }

        Filter("seller_tax_id = $seller", "$seller", query.Seller);
        Filter("buyer_tax_id = $buyer", "$buyer", query.Buyer);
        Filter("issue_date >= $from", "$from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Filter("issue_date <= $to", "$to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Filter("state = $state", "$state", query.State?.ToText());
        Filter("key > $after", "$after", query.AfterKey);
        cmd.CommandText = $"{SqliteRows.SelectInvoice} WHERE {string.Join(" AND ", where)} ORDER BY key{(query.Limit is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : "")};";
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return SqliteRows.ReadInvoice(reader);
        }
    }

    public async ValueTask<StoredEvent?> GetEventAsync(string tenant, long index, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await SqliteRows.ReadEventAsync(connection, tenant, index, ct).ConfigureAwait(false);
    }

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string tenant, long from, long to, CancellationToken ct) =>
        ReadEventsWhereAsync("tenant = $t AND idx >= $from AND idx < $to ORDER BY idx", ct, ("$t", tenant), ("$from", from), ("$to", to));

    public IAsyncEnumerable<StoredEvent> ReadEventsByKeyAsync(string tenant, CancellationToken ct) =>
        ReadEventsWhereAsync("tenant = $t ORDER BY key, idx", ct, ("$t", tenant));

    public IAsyncEnumerable<StoredEvent> ReadEventsForKeyAsync(string tenant, string key, CancellationToken ct) =>
        ReadEventsWhereAsync("tenant = $t AND key = $k ORDER BY idx", ct, ("$t", tenant), ("$k", key));

    private async IAsyncEnumerable<StoredEvent> ReadEventsWhereAsync(string where, [EnumeratorCancellation] CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {SqliteRows.EventColumns} FROM events WHERE {where};";
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return SqliteRows.ReadEvent(reader);
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
    internal async Task<IReadOnlyList<byte[]>> ReadHashesAsync(string tenant, int level, long from, int count, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = level == 0
            ? "SELECT leaf_hash FROM events WHERE tenant = $t AND idx >= $from AND idx < $to ORDER BY idx;"
            : "SELECT hash FROM nodes WHERE tenant = $t AND level = $level AND idx >= $from AND idx < $to ORDER BY idx;";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$level", level);
        cmd.Parameters.AddWithValue("$from", from);
        cmd.Parameters.AddWithValue("$to", from + count);
        var list = new List<byte[]>(count);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add((byte[])reader.GetValue(0));
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

    public async ValueTask<QuarantineItem?> GetQuarantineAsync(string tenant, long id, CancellationToken ct)
    {
        await foreach (var item in ReadQuarantineWhereAsync("q.tenant = $t AND q.id = $id", tenant, id, ct).ConfigureAwait(false))
        {
            return item;
        }

        return null;
    }

    private async IAsyncEnumerable<QuarantineItem> ReadQuarantineWhereAsync(string where, string tenant, long? id, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT q.id, q.outcome, q.source, q.at, q.actor, q.key, q.raw, q.raw_length, q.raw_sha256, q.problems, q.original_sha256, q.original_place,
                   r.quarantine_id, r.event_idx, r.key, r.at
            FROM quarantine q LEFT JOIN quarantine_resolutions r ON r.tenant = q.tenant AND r.quarantine_id = q.id
            WHERE {where};
            """;
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$id", id ?? 0);
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
