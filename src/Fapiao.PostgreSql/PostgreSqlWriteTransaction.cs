using Fapiao.Formats.Json;
using Fapiao.Storage;
using Npgsql;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.PostgreSql;

/// <summary>
/// One group commit for one tenant, holding the row lock on its log head until commit or
/// rollback. The batch goes in with binary COPY (<see cref="PostgreSqlCopyWriter"/>): events,
/// nodes and quarantine straight into their tables (they are only ever appended); invoices whose
/// key this transaction looked up and did not find straight into the invoices table as well (every
/// writer of a tenant's invoices holds the log head's row lock, so such a key is still absent: the
/// insert is what an upsert would do); the other invoices into a temporary staging table and from
/// there merged in one INSERT … ON CONFLICT DO UPDATE, which gives the same rows as upserting them
/// one by one (the batch holds at most one row per key).
/// </summary>
internal sealed class PostgreSqlWriteTransaction(NpgsqlConnection connection, NpgsqlTransaction tx, string tenant, LogHead head) : ILedgerWriteTransaction
{
    private const string StagingTable = """
        SET LOCAL client_min_messages = warning;
        CREATE TEMP TABLE IF NOT EXISTS invoices_staging (LIKE invoices) ON COMMIT DELETE ROWS;
        """;

    private static readonly string MergeInvoices =
        $"INSERT INTO invoices (tenant, {PostgreSqlRows.InvoiceColumns}) SELECT tenant, {PostgreSqlRows.InvoiceColumns} FROM invoices_staging " +
        "ON CONFLICT (tenant, key) DO UPDATE SET " +
        string.Join(", ", PostgreSqlRows.InvoiceColumns.Split(',', StringSplitOptions.TrimEntries).Where(c => c != "key").Select(c => $"{c} = excluded.{c}")) + ";";

    private bool finished;

    /// <summary>Keys looked up under the lock and absent; emptied once this transaction writes.</summary>
    private readonly HashSet<string> absentKeys = new(StringComparer.Ordinal);

    public LogHead Head { get; } = head;

    public async ValueTask<IReadOnlyDictionary<string, InvoiceRecord>> GetInvoicesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, InvoiceRecord>(StringComparer.Ordinal);
        await ReadInvoicesAsync(ByKeys, keys, r => found[r.Key] = r, ct).ConfigureAwait(false);
        foreach (var key in keys)
        {
            if (!found.ContainsKey(key))
            {
                absentKeys.Add(key);
            }
        }

        return found;
    }

    public async ValueTask<IReadOnlyList<InvoiceRecord>> GetRedLettersOfAsync(IReadOnlyCollection<string> blueKeys, CancellationToken ct)
    {
        var found = new List<InvoiceRecord>();
        await ReadInvoicesAsync(RedLettersOf, blueKeys, found.Add, ct).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// The invoices of a set of keys, one index probe per key. Written as a lateral join on purpose:
    /// with <c>key = ANY($2)</c> and a few thousand keys the planner chose a scan of all the
    /// tenant's invoices (sequential, or a bitmap over the tenant prefix with the array as a
    /// filter), so each group commit cost time in proportion to the ledger's size. The LIMIT keeps
    /// the subquery from being flattened into a join the planner could again turn into a scan.
    /// </summary>
    internal static readonly string ByKeys =
        $"SELECT i.* FROM unnest($2::text[]) AS k(key) CROSS JOIN LATERAL (SELECT {PostgreSqlRows.InvoiceColumns} FROM invoices WHERE tenant = $1 AND key = k.key LIMIT 1) AS i;";

    /// <summary>The red letters of a set of blue keys (distinct), one probe of the red-letter index per key, as <see cref="ByKeys"/>.</summary>
    internal static readonly string RedLettersOf =
        $"SELECT i.* FROM unnest($2::text[]) AS b(key) CROSS JOIN LATERAL (SELECT {PostgreSqlRows.InvoiceColumns} FROM invoices " +
        "WHERE tenant = $1 AND red_letter_of = b.key AND red_letter_of IS NOT NULL OFFSET 0) AS i ORDER BY i.first_index;";

    /// <summary>One round trip for the whole set of keys.</summary>
    private async Task ReadInvoicesAsync(string sql, IReadOnlyCollection<string> keys, Action<InvoiceRecord> add, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.TextArray(keys.Distinct(StringComparer.Ordinal)));
        await PostgreSqlErrors.TranslateAsync(async () =>
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                add(PostgreSqlRows.ReadInvoice(reader));
            }
        }).ConfigureAwait(false);
    }

    public async ValueTask<StoredEvent?> GetEventAsync(long index, CancellationToken ct) =>
        await PostgreSqlLedgerStore.ReadEventAsync(connection, tenant, index, ct).ConfigureAwait(false);

    public async ValueTask WriteAsync(BatchWrite batch, CancellationToken ct) =>
        await PostgreSqlErrors.TranslateAsync(async () =>
        {
            await CopyEventsAsync(batch.Events, ct).ConfigureAwait(false);
            await CopyNodesAsync(batch.Nodes, ct).ConfigureAwait(false);
            await MergeInvoicesAsync(batch.Invoices, ct).ConfigureAwait(false);
            await CopyQuarantineAsync(batch.Quarantine, ct).ConfigureAwait(false);
            await InsertResolutionsAsync(batch.Resolutions, ct).ConfigureAwait(false);
            if (batch.Checkpoint is { } cp)
            {
                await using var cmd = new NpgsqlCommand("INSERT INTO checkpoints (tenant, size, root, at, body, signature) VALUES ($1, $2, $3, $4, $5, $6);", connection, tx);
                cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
                cmd.Parameters.Add(PostgreSqlRows.Long(cp.Size));
                cmd.Parameters.Add(PostgreSqlRows.Bytes(cp.Root));
                cmd.Parameters.Add(PostgreSqlRows.Time(cp.At));
                cmd.Parameters.Add(PostgreSqlRows.Text(cp.Body));
                cmd.Parameters.Add(PostgreSqlRows.Bytes(cp.Signature));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var update = new NpgsqlCommand("UPDATE log_head SET size = $2, frontier = $3, next_quarantine_id = $4 WHERE tenant = $1 AND size = $5;", connection, tx);
            update.Parameters.Add(PostgreSqlRows.Text(tenant));
            update.Parameters.Add(PostgreSqlRows.Long(batch.Head.Size));
            update.Parameters.Add(PostgreSqlRows.Bytes(batch.Head.Frontier));
            update.Parameters.Add(PostgreSqlRows.Long(batch.Head.NextQuarantineId));
            update.Parameters.Add(PostgreSqlRows.Long(Head.Size));
            if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
            {
                throw new InvalidOperationException("The log head moved during a write transaction; nothing was written.");
            }
        }).ConfigureAwait(false);

    private async Task CopyEventsAsync(List<StoredEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY events (tenant, idx, kind, key, at, leaf_hash, bytes) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        foreach (var e in events)
        {
            await copy.StartRowAsync(7, ct).ConfigureAwait(false);
            copy.Text(tenant);
            copy.Long(e.Index);
            copy.Text(e.Kind);
            copy.Text(e.Key);
            copy.Time(e.At);
            copy.Bytes(e.LeafHash);
            copy.Bytes(e.Bytes);
        }

        await copy.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task CopyNodesAsync(List<(int Level, long Index, byte[] Hash)> nodes, CancellationToken ct)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        await using var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY nodes (tenant, level, idx, hash) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        foreach (var (level, index, hash) in nodes)
        {
            await copy.StartRowAsync(4, ct).ConfigureAwait(false);
            copy.Text(tenant);
            copy.Int(level);
            copy.Long(index);
            copy.Bytes(hash);
        }

        await copy.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task MergeInvoicesAsync(List<InvoiceRecord> invoices, CancellationToken ct)
    {
        if (invoices.Count == 0)
        {
            return;
        }

        // The core hands over one row per key; should it ever hand two, the last wins, as it would upserting row by row.
        var lastPerKey = new Dictionary<string, InvoiceRecord>(StringComparer.Ordinal);
        foreach (var record in invoices)
        {
            lastPerKey[record.Key] = record;
        }

        var absent = lastPerKey.Values.Where(r => absentKeys.Contains(r.Key)).ToList();
        var present = lastPerKey.Values.Where(r => !absentKeys.Contains(r.Key)).ToList();
        absentKeys.Clear();
        await CopyInvoicesAsync("invoices", absent, ct).ConfigureAwait(false);
        if (present.Count == 0)
        {
            return;
        }

        await PostgreSqlLedgerStore.ExecuteAsync(connection, StagingTable, ct).ConfigureAwait(false);
        await CopyInvoicesAsync("invoices_staging", present, ct).ConfigureAwait(false);
        await PostgreSqlLedgerStore.ExecuteAsync(connection, MergeInvoices, ct).ConfigureAwait(false);

        // ON COMMIT DELETE ROWS empties it at commit; emptying it now keeps a later merge in this transaction exact too.
        await PostgreSqlLedgerStore.ExecuteAsync(connection, "DELETE FROM invoices_staging;", ct).ConfigureAwait(false);
    }

    private async Task CopyInvoicesAsync(string table, List<InvoiceRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var copy = await PostgreSqlCopyWriter.BeginAsync(connection, $"COPY {table} (tenant, {PostgreSqlRows.InvoiceColumns}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        foreach (var record in records)
        {
            await PostgreSqlRows.WriteInvoiceAsync(copy, tenant, record, ct).ConfigureAwait(false);
        }

        await copy.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task CopyQuarantineAsync(List<QuarantineItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }

        await using var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY quarantine (tenant, id, outcome, source, at, actor, key, raw, raw_length, raw_sha256, problems, original_sha256, original_place) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        foreach (var q in items)
        {
            await copy.StartRowAsync(13, ct).ConfigureAwait(false);
            copy.Text(tenant);
            copy.Long(q.Id);
            copy.Text(q.Outcome);
            copy.Text(q.Source);
            copy.Time(q.At);
            copy.Text(q.Actor);
            copy.Text(q.Key);
            copy.Bytes(q.Raw);
            copy.Long(q.RawLength);
            copy.Bytes(q.RawSha256);
            copy.Text(ProblemsJson.Write(q.Problems, includeSeverity: true));
            copy.Text(q.Original?.Sha256);
            copy.Text(q.Original?.Place);
        }

        await copy.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task InsertResolutionsAsync(List<QuarantineResolution> resolutions, CancellationToken ct)
    {
        foreach (var r in resolutions)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO quarantine_resolutions (tenant, quarantine_id, event_idx, key, at) VALUES ($1, $2, $3, $4, $5);", connection, tx);
            insert.Parameters.Add(PostgreSqlRows.Text(tenant));
            insert.Parameters.Add(PostgreSqlRows.Long(r.QuarantineId));
            insert.Parameters.Add(PostgreSqlRows.Long(r.EventIndex));
            insert.Parameters.Add(PostgreSqlRows.Text(r.Key));
            insert.Parameters.Add(PostgreSqlRows.Time(r.At));
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask<QuarantineResolution?> GetResolutionAsync(long quarantineId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {PostgreSqlRows.ResolutionColumns} FROM quarantine_resolutions WHERE tenant = $1 AND quarantine_id = $2;", connection, tx);
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.Long(quarantineId));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? PostgreSqlRows.ReadResolution(reader, 0) : null;
    }

    public async ValueTask CommitAsync(CancellationToken ct)
    {
        await PostgreSqlErrors.TranslateAsync(() => tx.CommitAsync(ct)).ConfigureAwait(false);
        finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!finished)
            {
                await tx.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken: the server rolls the transaction back when it notices.
        }
        finally
        {
            await tx.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
