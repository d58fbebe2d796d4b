using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.PostgreSql.Tests.Support;
using Fapiao.Sqlite;
using Fapiao.Storage;
using Fapiao.Storage.Specification.Support;
using Microsoft.Data.Sqlite;

namespace Fapiao.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL store writes a batch with binary COPY and a set-based merge, the SQLite store
/// row by row: the same submissions must leave the same ledger in both, row for row.
/// </summary>
public sealed class SameLedgerAsSqliteTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-pg-vs-sqlite-").FullName;
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private PgLedger pg = null!;
    private SqliteLedgerStore sqliteStore = null!;
    private InvoiceLedger sqlite = null!;

    public async Task InitializeAsync()
    {
        pg = await PgLedger.CreateAsync(key);
        sqliteStore = new SqliteLedgerStore(Path.Combine(folder, "ledger.db"));
        await sqliteStore.InitializeAsync(CancellationToken.None);
        await sqliteStore.CreateTenantAsync(PgLedger.Tenant, PgLedger.Start, CancellationToken.None);
        sqlite = new InvoiceLedger(sqliteStore, new CheckpointSigner(key), new ManualClock(PgLedger.Start));
    }

    public async Task DisposeAsync()
    {
        await sqlite.DisposeAsync();
        await sqliteStore.DisposeAsync();
        await pg.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public async Task Ingest_SameSubmissions_LeaveTheSameRowsInBothStores()
    {
        var pgOutcomes = await MixedSubmissions.IngestAsync(pg.Ledger);
        var sqliteOutcomes = await MixedSubmissions.IngestAsync(sqlite);

        pgOutcomes.ShouldBe(sqliteOutcomes);
        pgOutcomes.ShouldContain(IngestOutcome.Enriched);
        pgOutcomes.ShouldContain(IngestOutcome.Conflict);
        pgOutcomes.ShouldContain(IngestOutcome.Rejected);
        pgOutcomes.ShouldContain(IngestOutcome.Duplicate);

        // Checkpoint signatures differ (ECDSA signs with a fresh nonce); everything else is the same.
        await ((ILedgerStore)pg.Store).ShouldHoldTheSameLedgerAsync(sqliteStore, PgLedger.Tenant, compareSignatures: false);
        (await pg.Ledger.VerifyAsync(PgLedger.Tenant, CancellationToken.None)).Failure.ShouldBeNull();
    }
}
