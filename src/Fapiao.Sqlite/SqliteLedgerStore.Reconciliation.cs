using System.Globalization;
using System.Runtime.CompilerServices;
using Fapiao.Storage;
using Microsoft.Data.Sqlite;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.Sqlite;

/// <summary>Reconciliation runs and their differences (tables in their own block of the schema).</summary>
internal sealed partial class SqliteLedgerStore : IReconciliationStore
{
    private const string RunColumns = "id, at, actor, left_name, left_sha256, left_count, right_name, right_sha256, right_count, period_from, period_to, matched, missing_in_ledger, missing_in_other, mismatched, duplicates, suggestions, unreadable, opened, closed";

    public async ValueTask<ReconciliationRun> RecordReconciliationAsync(string tenant, ReconciliationRun run, IReadOnlyList<DifferenceFound> found, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        // A write transaction from the start (IMMEDIATE): the next id cannot be taken twice.
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var next = Command(connection, tx, "SELECT coalesce(max(id), 0) + 1 FROM reconciliation_runs WHERE tenant = $t;", tenant);
        var id = Convert.ToInt64(await next.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);

        await using var seen = Command(connection, tx, "UPDATE reconciliation_differences SET last_seen_run = $run, detail = $detail, issue_date = $date, total = $total WHERE tenant = $t AND key = $key AND class = $class AND closed_run IS NULL;", tenant);
        var seenKey = seen.Parameters.Add("$key", SqliteType.Text);
        var seenClass = seen.Parameters.Add("$class", SqliteType.Text);
        var seenDetail = seen.Parameters.Add("$detail", SqliteType.Text);
        var seenDate = seen.Parameters.Add("$date", SqliteType.Text);
        var seenTotal = seen.Parameters.Add("$total", SqliteType.Text);
        seen.Parameters.AddWithValue("$run", id);
        await using var open = Command(connection, tx, "INSERT INTO reconciliation_differences (tenant, key, class, opened_run, issue_date, total, detail, last_seen_run) VALUES ($t, $key, $class, $run, $date, $total, $detail, $run);", tenant);
        var openKey = open.Parameters.Add("$key", SqliteType.Text);
        var openClass = open.Parameters.Add("$class", SqliteType.Text);
        var openDetail = open.Parameters.Add("$detail", SqliteType.Text);
        var openDate = open.Parameters.Add("$date", SqliteType.Text);
        var openTotal = open.Parameters.Add("$total", SqliteType.Text);
        open.Parameters.AddWithValue("$run", id);
        long opened = 0;
        foreach (var d in found)
        {
            (seenKey.Value, seenClass.Value, seenDetail.Value, seenDate.Value, seenTotal.Value) = (d.Key, d.Class, d.Detail, DateText(d.IssueDate), MoneyText(d.Total));
            if (await seen.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                (openKey.Value, openClass.Value, openDetail.Value, openDate.Value, openTotal.Value) = (d.Key, d.Class, d.Detail, DateText(d.IssueDate), MoneyText(d.Total));
                await open.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                opened++;
            }
        }

        // What this run did not find again is closed, within the run's period only.
        await using var close = Command(connection, tx, "UPDATE reconciliation_differences SET closed_run = $run WHERE tenant = $t AND closed_run IS NULL AND last_seen_run < $run AND ($from IS NULL OR (issue_date >= $from AND issue_date <= $to));", tenant);
        close.Parameters.AddWithValue("$run", id);
        close.Parameters.AddWithValue("$from", DateText(run.PeriodFrom));
        close.Parameters.AddWithValue("$to", DateText(run.PeriodTo));
        var closed = await close.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

        var kept = run with { Id = id, Opened = opened, Closed = closed };
        await using var insert = InsertRunCommand(connection, tx, tenant, "");
        BindRun(insert, kept);
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return kept;
    }

    public async ValueTask<long> ImportReconciliationsAsync(string tenant, IReadOnlyList<ReconciliationRun> runs, IReadOnlyList<KeptDifference> differences, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var insert = InsertRunCommand(connection, tx, tenant, " ON CONFLICT DO NOTHING");
        long added = 0;
        foreach (var run in runs)
        {
            BindRun(insert, run);
            added += await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var upsert = Command(connection, tx,
            "INSERT INTO reconciliation_differences (tenant, key, class, opened_run, issue_date, total, detail, last_seen_run, closed_run) VALUES ($t, $key, $class, $opened, $date, $total, $detail, $seen, $closed) "
            + "ON CONFLICT (tenant, key, class, opened_run) DO UPDATE SET issue_date = excluded.issue_date, total = excluded.total, detail = excluded.detail, last_seen_run = excluded.last_seen_run, closed_run = excluded.closed_run;",
            tenant);
        foreach (var d in differences)
        {
            SetParameter(upsert, "$key", d.Key);
            SetParameter(upsert, "$class", d.Class);
            SetParameter(upsert, "$opened", d.OpenedRun);
            SetParameter(upsert, "$date", DateText(d.IssueDate));
            SetParameter(upsert, "$total", MoneyText(d.Total));
            SetParameter(upsert, "$detail", d.Detail);
            SetParameter(upsert, "$seen", d.LastSeenRun);
            SetParameter(upsert, "$closed", (object?)d.ClosedRun ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return added;
    }

    private static SqliteCommand InsertRunCommand(SqliteConnection connection, SqliteTransaction tx, string tenant, string onConflict) =>
        Command(connection, tx, $"INSERT INTO reconciliation_runs (tenant, {RunColumns}) VALUES ($t, $id, $at, $actor, $ln, $ls, $lc, $rn, $rs, $rc, $pf, $pt, $m, $mil, $mio, $mm, $dup, $sug, $unr, $op, $cl){onConflict};", tenant);

    private static void BindRun(SqliteCommand insert, ReconciliationRun run)
    {
        SetParameter(insert, "$id", run.Id);
        SetParameter(insert, "$at", Times.Format(run.At));
        SetParameter(insert, "$actor", run.Actor);
        SetParameter(insert, "$ln", run.LeftName);
        SetParameter(insert, "$ls", run.LeftSha256);
        SetParameter(insert, "$lc", run.LeftCount);
        SetParameter(insert, "$rn", run.RightName);
        SetParameter(insert, "$rs", run.RightSha256);
        SetParameter(insert, "$rc", run.RightCount);
        SetParameter(insert, "$pf", DateText(run.PeriodFrom));
        SetParameter(insert, "$pt", DateText(run.PeriodTo));
        SetParameter(insert, "$m", run.Matched);
        SetParameter(insert, "$mil", run.MissingInLedger);
        SetParameter(insert, "$mio", run.MissingInOther);
        SetParameter(insert, "$mm", run.Mismatched);
        SetParameter(insert, "$dup", run.Duplicates);
        SetParameter(insert, "$sug", run.Suggestions);
        SetParameter(insert, "$unr", run.Unreadable);
        SetParameter(insert, "$op", run.Opened);
        SetParameter(insert, "$cl", run.Closed);
    }

    /// <summary>Sets a named parameter, adding it the first time (one command, many rows).</summary>
    private static void SetParameter(SqliteCommand cmd, string name, object value)
    {
        if (cmd.Parameters.Contains(name))
        {
            cmd.Parameters[name].Value = value;
        }
        else
        {
            cmd.Parameters.AddWithValue(name, value);
        }
    }

    public IAsyncEnumerable<ReconciliationRun> ListReconciliationsAsync(string tenant, CancellationToken ct) =>
        ReadRunsAsync("tenant = $t ORDER BY id DESC", tenant, 0, ct);

    public async ValueTask<ReconciliationRun?> GetReconciliationAsync(string tenant, long id, CancellationToken ct)
    {
        await foreach (var run in ReadRunsAsync("tenant = $t AND id = $id", tenant, id, ct).ConfigureAwait(false))
        {
            return run;
        }

        return null;
    }

    public async IAsyncEnumerable<KeptDifference> ListDifferencesAsync(string tenant, string? key, bool openOnly, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            "SELECT key, class, issue_date, detail, opened_run, last_seen_run, closed_run, total FROM reconciliation_differences WHERE tenant = $t AND ($key IS NULL OR key = $key) AND ($open = 0 OR closed_run IS NULL) ORDER BY closed_run IS NOT NULL, key, opened_run;",
            tenant);
        cmd.Parameters.AddWithValue("$key", (object?)key ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$open", openOnly ? 1 : 0);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return new KeptDifference(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : decimal.Parse(reader.GetString(7), CultureInfo.InvariantCulture));
        }
    }

    private async IAsyncEnumerable<ReconciliationRun> ReadRunsAsync(string where, string tenant, long id, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {RunColumns} FROM reconciliation_runs WHERE {where};", tenant);
        cmd.Parameters.AddWithValue("$id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            DateOnly? Date(int i) => reader.IsDBNull(i) ? null : DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return new ReconciliationRun
            {
                Id = reader.GetInt64(0),
                At = Times.Parse(reader.GetString(1)),
                Actor = reader.GetString(2),
                LeftName = reader.GetString(3),
                LeftSha256 = reader.GetString(4),
                LeftCount = reader.GetInt64(5),
                RightName = reader.GetString(6),
                RightSha256 = reader.GetString(7),
                RightCount = reader.GetInt64(8),
                PeriodFrom = Date(9),
                PeriodTo = Date(10),
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

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, string tenant)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$t", tenant);
        return cmd;
    }

    private static object MoneyText(decimal? total) =>
        total is { } t ? t.ToString(CultureInfo.InvariantCulture) : DBNull.Value;

    private static object DateText(DateOnly? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
}
