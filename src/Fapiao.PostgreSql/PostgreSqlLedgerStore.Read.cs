using System.Runtime.CompilerServices;
using Fapiao.Domain;
using Fapiao.Storage;
using Npgsql;
using NpgsqlTypes;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.PostgreSql;

internal sealed partial class PostgreSqlLedgerStore
{
    public async ValueTask<LogHead> GetHeadAsync(string tenant, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        return await ReadHeadAsync(connection, tenant, forUpdate: false, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The tenant \"{tenant}\" does not exist.");
    }

    public async ValueTask<InvoiceRecord?> GetInvoiceAsync(string tenant, string key, CancellationToken ct)
    {
        await using var cmd = Command(PostgreSqlRows.SelectInvoice + " WHERE tenant = $1 AND key = $2;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.Text(key));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? PostgreSqlRows.ReadInvoice(reader) : null;
    }

    public async ValueTask<InvoiceHistory?> GetInvoiceHistoryAsync(string tenant, string key, CancellationToken ct)
    {
        var record = await GetInvoiceAsync(tenant, key, ct).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var events = new List<StoredEvent>(1);
        await foreach (var e in ReadEventsForKeyAsync(tenant, key, ct).ConfigureAwait(false))
        {
            events.Add(e);
        }

        return new InvoiceHistory(record, events);
    }

    public async IAsyncEnumerable<InvoiceRecord> QueryInvoicesAsync(string tenant, InvoiceQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = Command("");
        var where = new List<string>();
        void Filter(string column, string op, NpgsqlParameter? parameter)
        {
            if (parameter is not null)
            {
                cmd.Parameters.Add(parameter);
                where.Add($"{column} {op} ${cmd.Parameters.Count}");
            }
        }

        Filter("tenant", "=", PostgreSqlRows.Text(tenant));
        Filter("seller_tax_id", "=", query.Seller is { } seller ? PostgreSqlRows.Text(seller) : null);
        Filter("buyer_tax_id", "=", query.Buyer is { } buyer ? PostgreSqlRows.Text(buyer) : null);
        Filter("issue_date", ">=", query.From is { } from ? new NpgsqlParameter<DateOnly> { TypedValue = from } : null);
        Filter("issue_date", "<=", query.To is { } to ? new NpgsqlParameter<DateOnly> { TypedValue = to } : null);
        Filter("state", "=", query.State is { } state ? PostgreSqlRows.Text(state.ToText()) : null);
        Filter("key", ">", query.AfterKey is { } after ? PostgreSqlRows.Text(after) : null);
        Filter("key", "<=", query.UpToKey is { } upTo ? PostgreSqlRows.Text(upTo) : null);
        var limit = "";
        if (query.Limit is { } n)
        {
            cmd.Parameters.Add(PostgreSqlRows.Int(n));
            limit = $" LIMIT ${cmd.Parameters.Count}";
        }

        // key is COLLATE "C": byte order, the order the verifier and the SQLite store use.
        cmd.CommandText = $"{PostgreSqlRows.SelectInvoice} WHERE {string.Join(" AND ", where)} ORDER BY key{limit};";
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return PostgreSqlRows.ReadInvoice(reader);
        }
    }

    public async ValueTask<StoredEvent?> GetEventAsync(string tenant, long index, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        return await ReadEventAsync(connection, tenant, index, ct).ConfigureAwait(false);
    }

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string tenant, long from, long to, CancellationToken ct) =>
        ReadEventsWhereAsync("tenant = $1 AND idx >= $2 AND idx < $3 ORDER BY idx", ct, PostgreSqlRows.Text(tenant), PostgreSqlRows.Long(from), PostgreSqlRows.Long(to));

    // Events without a key come first, as in SQLite (where NULL sorts lowest); keys in byte order.
    // A range (verify's parallel replay) adds its bounds; events without a key go with the range open below.
    public IAsyncEnumerable<StoredEvent> ReadEventsByKeyAsync(string tenant, KeyRange range, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter> { PostgreSqlRows.Text(tenant) };
        var where = "tenant = $1";
        if (range.After is { } after)
        {
            parameters.Add(PostgreSqlRows.Text(after));
            where += $" AND key > ${parameters.Count}";
        }

        if (range.UpTo is { } upTo)
        {
            parameters.Add(PostgreSqlRows.Text(upTo));
            where += range.After is null ? $" AND (key IS NULL OR key <= ${parameters.Count})" : $" AND key <= ${parameters.Count}";
        }

        return ReadEventsWhereAsync(where + " ORDER BY key NULLS FIRST, idx", ct, [.. parameters]);
    }

    public IAsyncEnumerable<StoredEvent> ReadEventsForKeyAsync(string tenant, string key, CancellationToken ct) =>
        ReadEventsWhereAsync("tenant = $1 AND key = $2 ORDER BY idx", ct, PostgreSqlRows.Text(tenant), PostgreSqlRows.Text(key));

    private async IAsyncEnumerable<StoredEvent> ReadEventsWhereAsync(string where, [EnumeratorCancellation] CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = Command($"SELECT {PostgreSqlRows.EventColumns} FROM events WHERE {where};");
        cmd.Parameters.AddRange(parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return PostgreSqlRows.ReadEvent(reader);
        }
    }

    public async IAsyncEnumerable<(int Level, long Index, byte[] Hash)> ReadNodesAsync(string tenant, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = Command("SELECT level, idx, hash FROM nodes WHERE tenant = $1 ORDER BY level, idx;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return (reader.GetInt32(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        }
    }

    /// <summary>Reads a run of stored hashes: leaf hashes from the events at level 0, tree nodes above.</summary>
    internal async Task<IReadOnlyList<byte[]>> ReadHashesAsync(string tenant, int level, long from, int count, CancellationToken ct)
    {
        await using var cmd = Command(level == 0
            ? "SELECT leaf_hash FROM events WHERE tenant = $1 AND idx >= $2 AND idx < $3 ORDER BY idx;"
            : "SELECT hash FROM nodes WHERE tenant = $1 AND idx >= $2 AND idx < $3 AND level = $4 ORDER BY idx;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.Long(from));
        cmd.Parameters.Add(PostgreSqlRows.Long(from + count));
        if (level != 0)
        {
            cmd.Parameters.Add(PostgreSqlRows.Int(level));
        }

        var list = new List<byte[]>(count);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(reader.GetFieldValue<byte[]>(0));
        }

        if (list.Count != count)
        {
            throw new InvalidOperationException($"The store holds {list.Count} of the {count} hashes at level {level} from {from}: run verify.");
        }

        return list;
    }

    public ValueTask<SignedCheckpoint?> GetLatestCheckpointAsync(string tenant, CancellationToken ct) =>
        ReadCheckpointsWhereAsync(tenant, "ORDER BY size DESC LIMIT 1", ct).FirstOrDefaultAsync(ct);

    public IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync(string tenant, CancellationToken ct) =>
        ReadCheckpointsWhereAsync(tenant, "ORDER BY size", ct);

    private async IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsWhereAsync(string tenant, string order, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = Command($"SELECT size, root, at, body, signature FROM checkpoints WHERE tenant = $1 {order};");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return new SignedCheckpoint(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), PostgreSqlRows.ReadTime(reader, 2), reader.GetString(3), reader.GetFieldValue<byte[]>(4));
        }
    }

    public IAsyncEnumerable<QuarantineItem> ListQuarantineAsync(string tenant, CancellationToken ct) =>
        ReadQuarantineWhereAsync("q.tenant = $1 ORDER BY q.id", ct, PostgreSqlRows.Text(tenant));

    public IAsyncEnumerable<QuarantineItem> ListQuarantineByKeysAsync(string tenant, IReadOnlyCollection<string> keys, bool keyless, CancellationToken ct) =>
        ReadQuarantineWhereAsync("q.tenant = $1 AND (q.key = ANY($2) OR ($3 AND q.key IS NULL)) ORDER BY q.id", ct,
            PostgreSqlRows.Text(tenant), new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }, new NpgsqlParameter<bool> { TypedValue = keyless });

    public ValueTask<QuarantineItem?> GetQuarantineAsync(string tenant, long id, CancellationToken ct) =>
        ReadQuarantineWhereAsync("q.tenant = $1 AND q.id = $2", ct, PostgreSqlRows.Text(tenant), PostgreSqlRows.Long(id)).FirstOrDefaultAsync(ct);

    private async IAsyncEnumerable<QuarantineItem> ReadQuarantineWhereAsync(string where, [EnumeratorCancellation] CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = Command($"""
            SELECT q.id, q.outcome, q.source, q.at, q.actor, q.key, q.raw, q.raw_length, q.raw_sha256, q.problems, q.original_sha256, q.original_place,
                   r.quarantine_id, r.event_idx, r.key, r.at
            FROM quarantine q LEFT JOIN quarantine_resolutions r ON r.tenant = q.tenant AND r.quarantine_id = q.id
            WHERE {where};
            """);
        cmd.Parameters.AddRange(parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return PostgreSqlRows.ReadQuarantine(reader);
        }
    }

    internal static async Task<StoredEvent?> ReadEventAsync(NpgsqlConnection connection, string tenant, long index, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {PostgreSqlRows.EventColumns} FROM events WHERE tenant = $1 AND idx = $2;", connection);
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.Long(index));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? PostgreSqlRows.ReadEvent(reader) : null;
    }

    internal static async Task<LogHead?> ReadHeadAsync(NpgsqlConnection connection, string tenant, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT size, frontier, next_quarantine_id FROM log_head WHERE tenant = $1{(forUpdate ? " FOR UPDATE" : "")};", connection);
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        return new LogHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2));
    }
}
