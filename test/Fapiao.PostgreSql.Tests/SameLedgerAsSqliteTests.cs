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

    private static IEnumerable<IReadOnlyList<(string Kind, byte[] Bytes)>> Batches()
    {
        static (string, byte[]) Json(JsonNode node) => ("json", Invoices.Bytes(node));
        var conflict = Invoices.Shudian("24112000000000000002");
        conflict["buyer"]!["name"] = "另一家公司";
        var rejected = Invoices.Shudian("24112000000000000009");
        rejected["total"] = "1.00";
        yield return
        [
            Json(Invoices.Shudian("24112000000000000001")),
            Json(Invoices.Shudian("24112000000000000002")),
            ("qr", "01,31,,24112000000000000003,1060.00,20241120,,B2B6"u8.ToArray()),
            Json(Invoices.Red("24112000000000099901", "24112000000000000004", "-100.00", "-6.00")),
            Json(rejected),
        ];
        yield return
        [
            Json(Invoices.Shudian("24112000000000000001")),
            Json(conflict),
            Json(Invoices.Shudian("24112000000000000003")),
            Json(Invoices.Shudian("24112000000000000004")),
            ..Enumerable.Range(10, 40).Select(i => Json(Invoices.Shudian($"241120000000000001{i:D2}"))),
        ];
    }

    private static async Task<List<IngestOutcome>> IngestAsync(InvoiceLedger ledger)
    {
        var reader = new SubmissionReader(ledger.Validator);
        var outcomes = new List<IngestOutcome>();
        foreach (var batch in Batches())
        {
            var items = batch.Select((b, i) => new WriteItem(b.Kind == "qr" ? reader.FromQr($"qr:{i}", b.Bytes) : reader.FromJson($"test:{i}", b.Bytes), "test")).ToList();
            outcomes.AddRange((await ledger.IngestAsync(PgLedger.Tenant, items, wantReceipts: false, CancellationToken.None)).Select(r => r.Outcome));
        }

        return outcomes;
    }

    private static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    [SkippableFact]
    public async Task Ingest_SameSubmissions_LeaveTheSameRowsInBothStores()
    {
        var pgOutcomes = await IngestAsync(pg.Ledger);
        var sqliteOutcomes = await IngestAsync(sqlite);

        pgOutcomes.ShouldBe(sqliteOutcomes);
        pgOutcomes.ShouldContain(IngestOutcome.Enriched);
        pgOutcomes.ShouldContain(IngestOutcome.Conflict);
        pgOutcomes.ShouldContain(IngestOutcome.Rejected);
        pgOutcomes.ShouldContain(IngestOutcome.Duplicate);

        var ct = CancellationToken.None;
        var (a, b) = (pg.Store as ILedgerStore, sqliteStore as ILedgerStore);
        (await a.GetHeadAsync(PgLedger.Tenant, ct)).Frontier.ShouldBe((await b.GetHeadAsync(PgLedger.Tenant, ct)).Frontier);
        var pgEvents = await AllAsync(a.ReadEventsByKeyAsync(PgLedger.Tenant, ct));
        var sqliteEvents = await AllAsync(b.ReadEventsByKeyAsync(PgLedger.Tenant, ct));
        pgEvents.Select(e => (e.Index, e.Kind, e.Key, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash)))
            .ShouldBe(sqliteEvents.Select(e => (e.Index, e.Kind, e.Key, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash))));
        (await AllAsync(a.ReadNodesAsync(PgLedger.Tenant, ct))).Select(n => (n.Level, n.Index, Convert.ToHexString(n.Hash)))
            .ShouldBe((await AllAsync(b.ReadNodesAsync(PgLedger.Tenant, ct))).Select(n => (n.Level, n.Index, Convert.ToHexString(n.Hash))));
        (await AllAsync(a.ReadCheckpointsAsync(PgLedger.Tenant, ct))).Select(c => (c.Size, c.Body, c.At))
            .ShouldBe((await AllAsync(b.ReadCheckpointsAsync(PgLedger.Tenant, ct))).Select(c => (c.Size, c.Body, c.At)));
        var pgInvoices = await AllAsync(a.QueryInvoicesAsync(PgLedger.Tenant, new InvoiceQuery(), ct));
        var sqliteInvoices = await AllAsync(b.QueryInvoicesAsync(PgLedger.Tenant, new InvoiceQuery(), ct));
        pgInvoices.Select(r => r.Key).ShouldBe(sqliteInvoices.Select(r => r.Key));
        foreach (var (x, y) in pgInvoices.Zip(sqliteInvoices))
        {
            x.DifferencesFrom(y).ShouldBeEmpty(x.Key);
        }

        (await AllAsync(a.ListQuarantineAsync(PgLedger.Tenant, ct))).Select(q => (q.Id, q.Outcome, q.Key, q.At, Convert.ToHexString(q.Raw), q.Problems.Count))
            .ShouldBe((await AllAsync(b.ListQuarantineAsync(PgLedger.Tenant, ct))).Select(q => (q.Id, q.Outcome, q.Key, q.At, Convert.ToHexString(q.Raw), q.Problems.Count)));
        (await pg.Ledger.VerifyAsync(PgLedger.Tenant, ct)).Failure.ShouldBeNull();
    }
}
