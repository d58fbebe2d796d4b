using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.PostgreSql.Tests.Support;
using Fapiao.Storage.Specification.Support;
using Npgsql;

namespace Fapiao.PostgreSql.Tests;

/// <summary>What only the PostgreSQL store has: its start-up checks, its schema version, its own SQL.</summary>
public sealed class PostgreSqlLedgerStoreTests
{
    [SkippableFact]
    public async Task Initialize_SynchronousCommitOff_IsRefused()
    {
        await using var pg = await PgLedger.CreateAsync();
        await using var store = new PostgreSqlLedgerStore(TestServer.ConnectionString(pg.Schema, "Options=-c synchronous_commit=off"));

        var ex = await Should.ThrowAsync<InvalidOperationException>(async () => await store.InitializeAsync(CancellationToken.None));

        ex.Message.ShouldContain("synchronous_commit = off");
    }

    [SkippableFact]
    public async Task Initialize_DatabaseFromANewerSchema_IsRefused()
    {
        await using var pg = await PgLedger.CreateAsync();
        await pg.ExecuteAsync("UPDATE fapiao_schema SET version = 99;");
        await using var store = new PostgreSqlLedgerStore(pg.ConnectionString);

        var ex = await Should.ThrowAsync<InvalidOperationException>(async () => await store.InitializeAsync(CancellationToken.None));

        ex.Message.ShouldContain("schema version 99");
    }

    [SkippableFact]
    public async Task History_TruncateThroughSql_IsRefusedByTheDatabase()
    {
        await using var pg = await PgLedger.CreateAsync();

        var ex = await Should.ThrowAsync<PostgresException>(() => pg.ExecuteAsync("TRUNCATE events;"));

        ex.MessageText.ShouldContain("append-only");
    }

    [SkippableFact]
    public async Task Verify_EventBytesChangedBehindTheTriggers_NamesTheEvent()
    {
        await using var pg = await PgLedger.CreateAsync();
        await IngestAsync(pg, Enumerable.Range(0, 20).Select(i => Invoices.Shudian($"241120000000000000{i:D2}")));
        await pg.ExecuteAsync("""
            ALTER TABLE events DISABLE TRIGGER events_append_only;
            UPDATE events SET bytes = convert_to(replace(convert_from(bytes, 'UTF8'), '1000.00', '1000.01'), 'UTF8') WHERE idx = 12;
            """);

        var report = await pg.Ledger.VerifyAsync(PgLedger.Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("event");
        report.Failure.Index.ShouldBe(12);
    }

    [SkippableFact]
    public async Task Verify_DamagedIndex_IsReportedByTheStoreCheck()
    {
        await using var pg = await PgLedger.CreateAsync();
        Skip.If(await TestServer.ScalarAsync(pg.Schema, "SELECT count(*) FROM pg_extension WHERE extname = 'amcheck';") is 0L, "amcheck is not installed on the test server");
        await IngestAsync(pg, Enumerable.Range(0, 5).Select(i => Invoices.Shudian($"241120000000000000{i:D2}")));

        // An index that disagrees with its table: rows changed with the index's maintenance switched off.
        await pg.ExecuteAsync("""
            UPDATE pg_index SET indisready = false WHERE indexrelid = 'invoices_pkey'::regclass;
            UPDATE invoices SET key = key || 'x';
            UPDATE pg_index SET indisready = true WHERE indexrelid = 'invoices_pkey'::regclass;
            """);

        (await pg.Store.CheckIntegrityAsync(CancellationToken.None)).ShouldNotBeNull().ShouldContain("invoices_pkey");
    }

    private static async Task<IReadOnlyList<IngestResult>> IngestAsync(PgLedger pg, IEnumerable<System.Text.Json.Nodes.JsonNode> invoices)
    {
        var reader = new SubmissionReader(pg.Ledger.Validator);
        var items = invoices.Select((json, i) => new WriteItem(reader.FromJson($"test:{i + 1}", Invoices.Bytes(json)), "test")).ToList();
        return await pg.Ledger.IngestAsync(PgLedger.Tenant, items, wantReceipts: false, CancellationToken.None);
    }
}
