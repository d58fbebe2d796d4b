using Fapiao.PostgreSql.Tests.Support;
using Npgsql;

namespace Fapiao.PostgreSql.Tests;

/// <summary>The plans of a group commit's lookups: one index probe per key, whatever the ledger's size.</summary>
public sealed class PostgreSqlWriteTransactionTests
{
    [SkippableFact]
    public async Task LookupByKeys_ThousandsOfKeys_ProbesThePrimaryKeyInsteadOfScanningTheTenant()
    {
        var plan = await PlanAsync(PostgreSqlWriteTransaction.ByKeys);

        plan.ShouldContain("Index Scan using invoices_pkey");
        plan.ShouldNotContain("Seq Scan on invoices");
        plan.ShouldNotContain("Bitmap");
    }

    [SkippableFact]
    public async Task LookupRedLetters_ThousandsOfKeys_ProbesTheRedLetterIndex()
    {
        var plan = await PlanAsync(PostgreSqlWriteTransaction.RedLettersOf);

        plan.ShouldContain("invoices_red_letters");
        plan.ShouldNotContain("Seq Scan on invoices");
    }

    /// <summary>EXPLAIN of a lookup with 4,096 keys against a tenant of 50,000 invoices (1 in 100 a red letter), analysed.</summary>
    private static async Task<string> PlanAsync(string sql)
    {
        await using var pg = await PgLedger.CreateAsync();
        await pg.ExecuteAsync($"""
            INSERT INTO invoices (tenant, key, state, type, issue_date, amount, tax, total, red_letter_of, content_hash,
                content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings)
            SELECT '{PgLedger.Tenant}', 'k' || g, 'valid', 'special', DATE '2026-11-28', 100, 13, 113,
                CASE WHEN g % 100 = 0 THEN 'k' || (g - 1) END, 'h' || g, g, g, g, 0, 0, 0, '[]'
            FROM generate_series(1, 50000) AS g;
            ANALYZE invoices;
            """);
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + sql, connection);
        cmd.Parameters.Add(PostgreSqlRows.Text(PgLedger.Tenant));
        cmd.Parameters.Add(PostgreSqlRows.TextArray(Enumerable.Range(0, 4096).Select(i => "k" + (i * 7))));
        await using var reader = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
