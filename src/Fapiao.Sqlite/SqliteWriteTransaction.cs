using System.Text;
using Fapiao.Formats.Json;
using Fapiao.Storage;
using Microsoft.Data.Sqlite;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.Sqlite;

/// <summary>One group commit on the writer connection, inside BEGIN IMMEDIATE … COMMIT.</summary>
/// <remarks>
/// With <paramref name="filters"/> (see <see cref="TenantKeys"/>), keys the filters rule out are not
/// looked up, and what the transaction writes is added to them.
/// </remarks>
internal sealed class SqliteWriteTransaction(SqliteLedgerStore store, SqliteConnection connection, string tenant, LogHead head, TenantKeys? filters) : ILedgerWriteTransaction
{
    private bool finished;
    private long sizeWritten = head.Size;

    public LogHead Head { get; } = head;

    /// <summary>One statement for the whole batch: the keys go in as a JSON array, SQLite walks the primary key for each.</summary>
    public async ValueTask<IReadOnlyDictionary<string, InvoiceRecord>> GetInvoicesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, InvoiceRecord>(StringComparer.Ordinal);
        var candidates = Candidates(keys, filters?.Keys);
        if (candidates.Count == 0)
        {
            return found;
        }

        await foreach (var record in SelectByKeysAsync("WHERE tenant = $t AND key IN (SELECT value FROM json_each($keys))", candidates, ct).ConfigureAwait(false))
        {
            found[record.Key] = record;
        }

        return found;
    }

    public async ValueTask<IReadOnlyList<InvoiceRecord>> GetRedLettersOfAsync(IReadOnlyCollection<string> blueKeys, CancellationToken ct)
    {
        var found = new List<InvoiceRecord>();
        var candidates = Candidates(blueKeys, filters?.RedLetterOf);
        if (candidates.Count == 0)
        {
            return found;
        }

        // INDEXED BY: without statistics the planner prefers the primary key prefix, a scan of the whole tenant.
        await foreach (var record in SelectByKeysAsync("INDEXED BY invoices_red_letters WHERE tenant = $t AND red_letter_of IN (SELECT value FROM json_each($keys)) AND red_letter_of IS NOT NULL ORDER BY first_index", candidates, ct).ConfigureAwait(false))
        {
            found.Add(record);
        }

        return found;
    }

    /// <summary>The keys worth looking up: those the filter does not rule out, or all of them without one.</summary>
    private IReadOnlyCollection<string> Candidates(IReadOnlyCollection<string> wanted, KeyFilter? filter)
    {
        if (filter is null)
        {
            store.LookedUp(tenant, wanted.Count);
            return wanted;
        }

        var list = new List<string>();
        foreach (var key in wanted)
        {
            if (filter.MayContain(key))
            {
                list.Add(key);
            }
        }

        return list;
    }

    private async IAsyncEnumerable<InvoiceRecord> SelectByKeysAsync(string where, IReadOnlyCollection<string> keys, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"{SqliteRows.SelectInvoice} {where};";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$keys", System.Text.Json.JsonSerializer.Serialize(keys));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return SqliteRows.ReadInvoice(reader);
        }
    }

    public async ValueTask<StoredEvent?> GetEventAsync(long index, CancellationToken ct) =>
        await SqliteRows.ReadEventAsync(connection, tenant, index, ct).ConfigureAwait(false);

    public async ValueTask WriteAsync(BatchWrite batch, CancellationToken ct)
    {
        await InsertEventsAsync(batch.Events, ct).ConfigureAwait(false);
        await InsertNodesAsync(batch.Nodes, ct).ConfigureAwait(false);
        await UpsertInvoicesAsync(batch.Invoices, ct).ConfigureAwait(false);
        await InsertQuarantineAsync(batch.Quarantine, ct).ConfigureAwait(false);
        await InsertResolutionsAsync(batch.Resolutions, ct).ConfigureAwait(false);
        if (batch.Checkpoint is { } cp)
        {
            await using var cmd = Command("INSERT INTO checkpoints (tenant, size, root, at, body, signature) VALUES ($t, $size, $root, $at, $body, $sig);");
            cmd.Parameters.AddWithValue("$size", cp.Size);
            cmd.Parameters.AddWithValue("$root", cp.Root);
            cmd.Parameters.AddWithValue("$at", Times.Format(cp.At));
            cmd.Parameters.AddWithValue("$body", cp.Body);
            cmd.Parameters.AddWithValue("$sig", cp.Signature);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var head = Command("UPDATE log_head SET size = $size, frontier = $frontier, next_quarantine_id = $q WHERE tenant = $t AND size = $old;");
        head.Parameters.AddWithValue("$size", batch.Head.Size);
        head.Parameters.AddWithValue("$frontier", batch.Head.Frontier);
        head.Parameters.AddWithValue("$q", batch.Head.NextQuarantineId);
        head.Parameters.AddWithValue("$old", Head.Size);
        if (await head.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException("The log head moved during a write transaction; nothing was written.");
        }

        sizeWritten = batch.Head.Size;
    }

    private Task InsertEventsAsync(List<StoredEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var insert = new RawStatement(connection, "INSERT INTO events (tenant, idx, kind, key, at, leaf_hash, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);");
        insert.Text(1, tenant);
        // A value stays bound from row to row: the events of one batch share their time, and most
        // share their kind, so those are formatted and bound only when they change.
        DateTimeOffset? at = null;
        string? kind = null;
        foreach (var e in events)
        {
            ct.ThrowIfCancellationRequested();
            if (e.At != at)
            {
                at = e.At;
                insert.Text(5, Times.Format(e.At));
            }

            if (!string.Equals(e.Kind, kind, StringComparison.Ordinal))
            {
                kind = e.Kind;
                insert.Text(3, kind);
            }

            insert.Integer(2, e.Index).Text(4, e.Key).Blob(6, e.LeafHash).Blob(7, e.Bytes).Execute();
        }

        return Task.CompletedTask;
    }

    private Task InsertNodesAsync(List<(int Level, long Index, byte[] Hash)> nodes, CancellationToken ct)
    {
        if (nodes.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var insert = new RawStatement(connection, "INSERT INTO nodes (tenant, level, idx, hash) VALUES (?1, ?2, ?3, ?4);");
        insert.Text(1, tenant);
        foreach (var node in nodes)
        {
            ct.ThrowIfCancellationRequested();
            insert.Integer(2, node.Level).Integer(3, node.Index).Blob(4, node.Hash).Execute();
        }

        return Task.CompletedTask;
    }

    private Task UpsertInvoicesAsync(List<InvoiceRecord> invoices, CancellationToken ct)
    {
        if (invoices.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var upsert = new RawStatement(connection, SqliteRows.UpsertInvoiceRaw);
        upsert.Text(1, tenant);
        foreach (var record in invoices)
        {
            ct.ThrowIfCancellationRequested();
            SqliteRows.BindInvoice(upsert, record);
            upsert.Execute();
            filters?.Add(record.Key, record.RedLetterOf);
        }

        return Task.CompletedTask;
    }

    private async Task InsertQuarantineAsync(List<QuarantineItem> items, CancellationToken ct)
    {
        foreach (var q in items)
        {
            await using var cmd = Command("INSERT INTO quarantine (tenant, id, outcome, source, at, actor, key, raw, raw_length, raw_sha256, problems, original_sha256, original_place) VALUES ($t, $id, $outcome, $source, $at, $actor, $key, $raw, $len, $sha, $problems, $osha, $oplace);");
            cmd.Parameters.AddWithValue("$id", q.Id);
            cmd.Parameters.AddWithValue("$outcome", q.Outcome);
            cmd.Parameters.AddWithValue("$source", q.Source);
            cmd.Parameters.AddWithValue("$at", Times.Format(q.At));
            cmd.Parameters.AddWithValue("$actor", q.Actor);
            cmd.Parameters.AddWithValue("$key", (object?)q.Key ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$raw", q.Raw);
            cmd.Parameters.AddWithValue("$len", q.RawLength);
            cmd.Parameters.AddWithValue("$sha", q.RawSha256);
            cmd.Parameters.AddWithValue("$problems", ProblemsJson.Write(q.Problems, includeSeverity: true));
            cmd.Parameters.AddWithValue("$osha", (object?)q.Original?.Sha256 ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$oplace", (object?)q.Original?.Place ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task InsertResolutionsAsync(List<QuarantineResolution> resolutions, CancellationToken ct)
    {
        foreach (var r in resolutions)
        {
            await using var cmd = Command("INSERT INTO quarantine_resolutions (tenant, quarantine_id, event_idx, key, at) VALUES ($t, $id, $idx, $key, $at);");
            cmd.Parameters.AddWithValue("$id", r.QuarantineId);
            cmd.Parameters.AddWithValue("$idx", r.EventIndex);
            cmd.Parameters.AddWithValue("$key", r.Key);
            cmd.Parameters.AddWithValue("$at", Times.Format(r.At));
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask<QuarantineResolution?> GetResolutionAsync(long quarantineId, CancellationToken ct)
    {
        await using var cmd = Command($"SELECT {SqliteRows.ResolutionColumns} FROM quarantine_resolutions WHERE tenant = $t AND quarantine_id = $id;");
        cmd.Parameters.AddWithValue("$id", quarantineId);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? SqliteRows.ReadResolution(reader, 0) : null;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$t", tenant);
        return cmd;
    }

    public async ValueTask CommitAsync(CancellationToken ct)
    {
        await SqliteLedgerStore.ExecuteAsync(connection, null, "COMMIT;", ct).ConfigureAwait(false);
        finished = true;
        if (filters is not null)
        {
            filters.Size = sizeWritten;
        }

        store.Committed();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!finished)
            {
                await SqliteLedgerStore.RollbackAsync(connection).ConfigureAwait(false);
            }
        }
        finally
        {
            store.EndWrite();
        }
    }
}
