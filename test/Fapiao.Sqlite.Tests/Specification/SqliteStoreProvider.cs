using Fapiao.Storage;
using Fapiao.Storage.Specification;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite.Tests.Specification;

/// <summary>Real SQLite files in a temporary folder, removed afterwards.</summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-store-").FullName;
    private int count;

    async Task<ILedgerStore> IStoreProvider.CreateAsync()
    {
        var store = new SqliteLedgerStore(Path.Combine(folder, $"ledger-{Interlocked.Increment(ref count)}.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    async Task<ILedgerStore> IStoreProvider.ReopenAsync(ILedgerStore store)
    {
        var again = new SqliteLedgerStore(((SqliteLedgerStore)store).Path);
        await again.InitializeAsync(CancellationToken.None);
        return again;
    }

    async Task IStoreProvider.ExecuteRawAsync(ILedgerStore store, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteLedgerStore)store).Path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS's temp cleaning; the test outcome does not depend on it.
        }

        return ValueTask.CompletedTask;
    }
}
