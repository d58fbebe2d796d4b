using System.Security.Cryptography;
using Fapiao.Ledger.Signing;
using Fapiao.Storage.Specification.Support;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite.Tests;

/// <summary>
/// What is changed behind the triggers' back (SQLite's own SQL) is found by verify; the portable
/// tamper cases are in the storage specification.
/// </summary>
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

    [Fact]
    public async Task Verify_EventBytesChangedBehindTheTriggers_NamesTheEvent()
    {
        await ExecuteAsync("DROP TRIGGER events_no_update; UPDATE events SET bytes = CAST(replace(bytes, '1000.00', '1000.01') AS BLOB) WHERE idx = 12;");

        var report = await ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("event");
        report.Failure.Index.ShouldBe(12);
    }

    [Fact]
    public async Task Verify_LastEventsRemovedAndHeadRolledBack_IsFoundByTheSignedCheckpoint()
    {
        await ExecuteAsync("DROP TRIGGER events_no_delete; DELETE FROM events WHERE idx >= 25; DELETE FROM invoices WHERE first_index >= 25;");

        var report = await ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("checkpoint");
    }

    [Fact]
    public async Task Initialize_FileFromANewerSchema_IsRefused()
    {
        await ExecuteAsync("PRAGMA user_version = 99;");

        var ex = await Should.ThrowAsync<InvalidOperationException>(async () => await new SqliteLedgerStore(store.Path).InitializeAsync(CancellationToken.None));

        ex.Message.ShouldContain("schema version 99");
    }
}
