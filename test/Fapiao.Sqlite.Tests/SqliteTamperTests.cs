using System.Security.Cryptography;
using Fapiao.Ledger.Signing;
using Fapiao.Sqlite.Tests.Specification;
using Fapiao.Sqlite.Tests.Support;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite.Tests;

/// <summary>History cannot be rewritten through SQL, and what is changed behind the database's back is found by verify.</summary>
public sealed class SqliteTamperTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-tamper-").FullName;
    private SqliteLedgerStore store = null!;
    private InvoiceLedger ledger = null!;

    public async Task InitializeAsync()
    {
        store = new SqliteLedgerStore(Path.Combine(folder, "ledger.db"));
        await store.InitializeAsync(CancellationToken.None);
        await store.CreateTenantAsync(Tenant, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        ledger = new InvoiceLedger(store, new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)), clock);
        var reader = new SubmissionReader(ledger.Validator);
        for (var batch = 0; batch < 3; batch++)
        {
            var items = Enumerable.Range(0, 10)
                .Select(i => new WriteItem(reader.FromJson("t", Invoices.Bytes(Invoices.Shudian($"24112000000000{batch:D2}{i:D4}"))), "test"))
                .ToList();
            await ledger.IngestAsync(Tenant, items, false, CancellationToken.None);
        }

        // One refused item, so the quarantine has a row for the tamper tests to aim at.
        await ledger.IngestAsync(Tenant, [new WriteItem(reader.FromJson("t", "{}"u8.ToArray()), "test")], false, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await ledger.DisposeAsync();
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    [Theory]
    [InlineData("UPDATE events SET bytes = x'00' WHERE idx = 3")]
    [InlineData("DELETE FROM events WHERE idx = 29")]
    [InlineData("UPDATE checkpoints SET root = x'00'")]
    [InlineData("DELETE FROM nodes")]
    [InlineData("DELETE FROM quarantine")]
    public async Task History_UpdateOrDeleteThroughSql_IsRefusedByTheDatabase(string sql)
    {
        var ex = await Should.ThrowAsync<SqliteException>(() => ExecuteAsync(sql));
        ex.Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task Verify_EventBytesChangedBehindTheTriggers_NamesTheEvent()
    {
        await ExecuteAsync("DROP TRIGGER events_no_update; UPDATE events SET bytes = CAST(replace(bytes, '1000.00', '1000.01') AS BLOB) WHERE idx = 12;");

        var report = await ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("event");
        report.Failure.Index.ShouldBe(12);
    }

    [Fact]
    public async Task Verify_ProjectionChanged_NamesTheInvoice()
    {
        await ExecuteAsync("UPDATE invoices SET total = '1060.01' WHERE key = '24112000000000010005';");

        var report = await ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("invoice");
        report.Failure.Key.ShouldBe("24112000000000010005");
        report.Failure.Message.ShouldContain("total");
    }

    [Fact]
    public async Task Verify_LastEventsRemovedAndHeadRolledBack_IsFoundByTheSignedCheckpoint()
    {
        await ExecuteAsync("DROP TRIGGER events_no_delete; DELETE FROM events WHERE idx >= 25; DELETE FROM invoices WHERE first_index >= 25;");

        var report = await ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("checkpoint");
    }

    [Fact]
    public async Task RebuildProjection_AfterTheProjectionWasDamaged_MakesVerifyPassAgain()
    {
        await ExecuteAsync("UPDATE invoices SET state = 'voided', total = '0.01' WHERE key = '24112000000000010005'; DELETE FROM invoices WHERE key = '24112000000000000007'; INSERT INTO invoices SELECT tenant, '24119999999999999999', state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of, content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings FROM invoices WHERE key = '24112000000000000001';");
        (await ledger.VerifyAsync(Tenant, CancellationToken.None)).Ok.ShouldBeFalse();

        var count = await ledger.RebuildProjectionAsync(Tenant, CancellationToken.None);

        count.ShouldBe(30);
        (await ledger.VerifyAsync(Tenant, CancellationToken.None)).Failure.ShouldBeNull();
        (await store.GetInvoiceAsync(Tenant, "24119999999999999999", CancellationToken.None)).ShouldBeNull();
        (await store.GetInvoiceAsync(Tenant, "24112000000000010005", CancellationToken.None))!.Total.ShouldBe(1060.00m);
    }

    [Fact]
    public async Task Verify_ProjectionRowDeleted_NamesTheMissingInvoice()
    {
        await ExecuteAsync("DELETE FROM invoices WHERE key = '24112000000000000007';");

        var report = await ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Key.ShouldBe("24112000000000000007");
    }

    [Fact]
    public async Task Initialize_FileFromANewerSchema_IsRefused()
    {
        await ExecuteAsync("PRAGMA user_version = 99;");

        var ex = await Should.ThrowAsync<InvalidOperationException>(async () => await new SqliteLedgerStore(store.Path).InitializeAsync(CancellationToken.None));

        ex.Message.ShouldContain("schema version 99");
    }
}
