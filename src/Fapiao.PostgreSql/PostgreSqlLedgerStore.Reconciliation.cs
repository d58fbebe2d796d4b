using System.Runtime.CompilerServices;
using Fapiao.Storage;
using Npgsql;
using NpgsqlTypes;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.PostgreSql;

/// <summary>Reconciliation runs and their differences (tables in their own block of the schema).</summary>
internal sealed partial class PostgreSqlLedgerStore : IReconciliationStore
{
    private const string RunColumns = "id, at, actor, left_name, left_sha256, left_count, right_name, right_sha256, right_count, period_from, period_to, matched, missing_in_ledger, missing_in_other, mismatched, duplicates, suggestions, unreadable, opened, closed";

    public async ValueTask<ReconciliationRun> RecordReconciliationAsync(string tenant, ReconciliationRun run, IReadOnlyList<DifferenceFound> found, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Runs of one tenant are recorded one at a time: the tenant's row is locked (not its log head, so ingest goes on).
        await using (var lockTenant = new NpgsqlCommand("SELECT 1 FROM tenants WHERE tenant = $1 FOR NO KEY UPDATE;", connection))
        {
            lockTenant.Parameters.Add(PostgreSqlRows.Text(tenant));
            await lockTenant.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        long id;
        await using (var next = new NpgsqlCommand("SELECT coalesce(max(id), 0) + 1 FROM reconciliation_runs WHERE tenant = $1;", connection))
        {
            next.Parameters.Add(PostgreSqlRows.Text(tenant));
            id = (long)(await next.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        await using var seen = new NpgsqlCommand("UPDATE reconciliation_differences SET last_seen_run = $1, detail = $5, issue_date = $6, total = $7 WHERE tenant = $2 AND key = $3 AND class = $4 AND closed_run IS NULL;", connection);
        await using var open = new NpgsqlCommand("INSERT INTO reconciliation_differences (tenant, key, class, opened_run, issue_date, total, detail, last_seen_run) VALUES ($2, $3, $4, $1, $6, $7, $5, $1);", connection);
        long opened = 0;
        foreach (var d in found)
        {
            foreach (var cmd in (NpgsqlCommand[])[seen, open])
            {
                cmd.Parameters.Clear();
                cmd.Parameters.Add(PostgreSqlRows.Long(id));
                cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
                cmd.Parameters.Add(PostgreSqlRows.Text(d.Key));
                cmd.Parameters.Add(PostgreSqlRows.Text(d.Class));
                cmd.Parameters.Add(PostgreSqlRows.Text(d.Detail));
                cmd.Parameters.Add(Date(d.IssueDate));
                cmd.Parameters.Add(Money(d.Total));
            }

            if (await seen.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                await open.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                opened++;
            }
        }

        int closed;
        await using (var close = new NpgsqlCommand("UPDATE reconciliation_differences SET closed_run = $1 WHERE tenant = $2 AND closed_run IS NULL AND last_seen_run < $1 AND ($3::date IS NULL OR (issue_date >= $3 AND issue_date <= $4));", connection))
        {
            close.Parameters.Add(PostgreSqlRows.Long(id));
            close.Parameters.Add(PostgreSqlRows.Text(tenant));
            close.Parameters.Add(Date(run.PeriodFrom));
            close.Parameters.Add(Date(run.PeriodTo));
            closed = await close.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var kept = run with { Id = id, Opened = opened, Closed = closed };
        await using (var insert = InsertRunCommand(connection, tenant, kept, ""))
        {
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return kept;
    }

    public async ValueTask<long> ImportReconciliationsAsync(string tenant, IReadOnlyList<ReconciliationRun> runs, IReadOnlyList<KeptDifference> differences, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        long added = 0;
        foreach (var run in runs)
        {
            await using var insert = InsertRunCommand(connection, tenant, run, " ON CONFLICT DO NOTHING");
            added += await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var upsert = new NpgsqlCommand(
            "INSERT INTO reconciliation_differences (tenant, key, class, opened_run, issue_date, total, detail, last_seen_run, closed_run) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            + "ON CONFLICT (tenant, key, class, opened_run) DO UPDATE SET issue_date = excluded.issue_date, total = excluded.total, detail = excluded.detail, last_seen_run = excluded.last_seen_run, closed_run = excluded.closed_run;",
            connection);
        foreach (var d in differences)
        {
            upsert.Parameters.Clear();
            upsert.Parameters.Add(PostgreSqlRows.Text(tenant));
            upsert.Parameters.Add(PostgreSqlRows.Text(d.Key));
            upsert.Parameters.Add(PostgreSqlRows.Text(d.Class));
            upsert.Parameters.Add(PostgreSqlRows.Long(d.OpenedRun));
            upsert.Parameters.Add(Date(d.IssueDate));
            upsert.Parameters.Add(Money(d.Total));
            upsert.Parameters.Add(PostgreSqlRows.Text(d.Detail));
            upsert.Parameters.Add(PostgreSqlRows.Long(d.LastSeenRun));
            upsert.Parameters.Add(new NpgsqlParameter { Value = d.ClosedRun is { } c ? c : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return added;
    }

    private static NpgsqlCommand InsertRunCommand(NpgsqlConnection connection, string tenant, ReconciliationRun run, string onConflict)
    {
        var insert = new NpgsqlCommand($"INSERT INTO reconciliation_runs (tenant, {RunColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21){onConflict};", connection);
        insert.Parameters.Add(PostgreSqlRows.Text(tenant));
        insert.Parameters.Add(PostgreSqlRows.Long(run.Id));
        insert.Parameters.Add(PostgreSqlRows.Time(run.At));
        insert.Parameters.Add(PostgreSqlRows.Text(run.Actor));
        insert.Parameters.Add(PostgreSqlRows.Text(run.LeftName));
        insert.Parameters.Add(PostgreSqlRows.Text(run.LeftSha256));
        insert.Parameters.Add(PostgreSqlRows.Long(run.LeftCount));
        insert.Parameters.Add(PostgreSqlRows.Text(run.RightName));
        insert.Parameters.Add(PostgreSqlRows.Text(run.RightSha256));
        insert.Parameters.Add(PostgreSqlRows.Long(run.RightCount));
        insert.Parameters.Add(Date(run.PeriodFrom));
        insert.Parameters.Add(Date(run.PeriodTo));
        foreach (var n in (long[])[run.Matched, run.MissingInLedger, run.MissingInOther, run.Mismatched, run.Duplicates, run.Suggestions, run.Unreadable, run.Opened, run.Closed])
        {
            insert.Parameters.Add(PostgreSqlRows.Long(n));
        }

        return insert;
    }

    public IAsyncEnumerable<ReconciliationRun> ListReconciliationsAsync(string tenant, CancellationToken ct) =>
        ReadRunsAsync("tenant = $1 ORDER BY id DESC", ct, PostgreSqlRows.Text(tenant));

    public ValueTask<ReconciliationRun?> GetReconciliationAsync(string tenant, long id, CancellationToken ct) =>
        ReadRunsAsync("tenant = $1 AND id = $2", ct, PostgreSqlRows.Text(tenant), PostgreSqlRows.Long(id)).FirstOrDefaultAsync(ct);

    public async IAsyncEnumerable<KeptDifference> ListDifferencesAsync(string tenant, string? key, bool openOnly, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = Command("SELECT key, class, issue_date, detail, opened_run, last_seen_run, closed_run, total FROM reconciliation_differences WHERE tenant = $1 AND ($2::text IS NULL OR key = $2) AND (NOT $3 OR closed_run IS NULL) ORDER BY closed_run IS NOT NULL, key, opened_run;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)key ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = openOnly });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return new KeptDifference(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7));
        }
    }

    private async IAsyncEnumerable<ReconciliationRun> ReadRunsAsync(string where, [EnumeratorCancellation] CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = Command($"SELECT {RunColumns} FROM reconciliation_runs WHERE {where};");
        cmd.Parameters.AddRange(parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            DateOnly? DateAt(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);
            yield return new ReconciliationRun
            {
                Id = reader.GetInt64(0),
                At = PostgreSqlRows.ReadTime(reader, 1),
                Actor = reader.GetString(2),
                LeftName = reader.GetString(3),
                LeftSha256 = reader.GetString(4),
                LeftCount = reader.GetInt64(5),
                RightName = reader.GetString(6),
                RightSha256 = reader.GetString(7),
                RightCount = reader.GetInt64(8),
                PeriodFrom = DateAt(9),
                PeriodTo = DateAt(10),
                Matched = reader.GetInt64(11),
                MissingInLedger = reader.GetInt64(12),
                MissingInOther = reader.GetInt64(13),
                Mismatched = reader.GetInt64(14),
                Duplicates = reader.GetInt64(15),
                Suggestions = reader.GetInt64(16),
                Unreadable = reader.GetInt64(17),
                Opened = reader.GetInt64(18),
                Closed = reader.GetInt64(19),
            };
        }
    }

    private static NpgsqlParameter Date(DateOnly? date) =>
        new() { Value = date is { } d ? d : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    private static NpgsqlParameter Money(decimal? amount) =>
        new() { Value = amount is { } a ? a : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric };
}
