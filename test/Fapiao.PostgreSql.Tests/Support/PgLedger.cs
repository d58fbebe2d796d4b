using System.Security.Cryptography;
using Fapiao.Ledger.Signing;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.PostgreSql.Tests.Support;

/// <summary>A PostgreSQL store and ledger in a schema of their own, dropped afterwards.</summary>
internal sealed class PgLedger : IAsyncDisposable
{
    public const string Tenant = "acme";

    private PgLedger(string schema, PostgreSqlLedgerStore store, InvoiceLedger ledger)
    {
        Schema = schema;
        Store = store;
        Ledger = ledger;
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public string Schema { get; }

    public PostgreSqlLedgerStore Store { get; }

    public InvoiceLedger Ledger { get; }

    public string ConnectionString => TestServer.ConnectionString(Schema);

    public static async Task<PgLedger> CreateAsync(ECDsa? key = null)
    {
        var schema = await TestServer.CreateSchemaAsync();
        var store = new PostgreSqlLedgerStore(TestServer.ConnectionString(schema));
        await store.InitializeAsync(CancellationToken.None);
        await store.CreateTenantAsync(Tenant, Start, CancellationToken.None);
        var ledger = new InvoiceLedger(store, new CheckpointSigner(key ?? ECDsa.Create(ECCurve.NamedCurves.nistP256)), new ManualClock(Start));
        return new PgLedger(schema, store, ledger);
    }

    public Task ExecuteAsync(string sql) => TestServer.ExecuteAsync(Schema, sql);

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await Store.DisposeAsync();
        await TestServer.DropSchemaAsync(Schema);
    }
}
