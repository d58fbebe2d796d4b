using Fapiao.Storage;
using Fapiao.Storage.Specification;
using Fapiao.PostgreSql.Tests.Support;
using Npgsql;

namespace Fapiao.PostgreSql.Tests.Specification;

/// <summary>
/// A schema of its own on the test server for each store, dropped afterwards. The server is named
/// by FAPIAO_TEST_PG; without one the tests are skipped locally and fail in CI.
/// </summary>
public sealed class PostgreSqlStoreProvider : IStoreProvider
{
    private readonly List<string> schemas = [];

    async Task<ILedgerStore> IStoreProvider.CreateAsync()
    {
        var schema = await TestServer.CreateSchemaAsync();
        schemas.Add(schema);
        var store = new PostgreSqlLedgerStore(TestServer.ConnectionString(schema));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    async Task<ILedgerStore> IStoreProvider.ReopenAsync(ILedgerStore store)
    {
        var again = new PostgreSqlLedgerStore(TestServer.ConnectionString(schemas[^1]));
        await again.InitializeAsync(CancellationToken.None);
        return again;
    }

    async Task IStoreProvider.ExecuteRawAsync(ILedgerStore store, string sql) =>
        await TestServer.ExecuteAsync(schemas[^1], sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var schema in schemas)
        {
            await TestServer.DropSchemaAsync(schema);
        }
    }
}
