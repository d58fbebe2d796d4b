using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite.Tests;

/// <summary>The durability settings hold on every connection the store hands out, pooled ones included.</summary>
public sealed class SqliteConnectionTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-conn-").FullName;
    private SqliteLedgerStore store = null!;

    public async Task InitializeAsync()
    {
        store = new SqliteLedgerStore(Path.Combine(folder, "ledger.db"));
        await store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Open_ThePooledConnectionAgain_KeepsEverySetting()
    {
        SQLitePCL.sqlite3 first;
        await using (var connection = await store.OpenAsync(CancellationToken.None))
        {
            first = connection.Handle!;
            await ShouldHaveTheSettingsAsync(connection);
        }

        for (var i = 0; i < 3; i++)
        {
            await using var again = await store.OpenAsync(CancellationToken.None);
            again.Handle.ShouldBeSameAs(first); // the same physical connection, from the pool
            await ShouldHaveTheSettingsAsync(again);
        }
    }

    [Fact]
    public async Task Open_TwoConnectionsAtOnce_BothHaveTheSettings()
    {
        await using var a = await store.OpenAsync(CancellationToken.None);
        await using var b = await store.OpenAsync(CancellationToken.None);

        a.Handle.ShouldNotBeSameAs(b.Handle);
        await ShouldHaveTheSettingsAsync(a);
        await ShouldHaveTheSettingsAsync(b);
    }

    [Fact]
    public async Task RollbackAsync_AfterSqliteRolledBackByItself_KeepsTheErrorThatMatters()
    {
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await SqliteLedgerStore.ExecuteAsync(connection, null, "CREATE TABLE filler (b BLOB);", CancellationToken.None);
        var pages = (long)(await PragmaAsync(connection, "page_count"))!;
        await SqliteLedgerStore.ExecuteAsync(connection, null, $"PRAGMA max_page_count = {pages + 2};", CancellationToken.None);
        await SqliteLedgerStore.ExecuteAsync(connection, null, "BEGIN IMMEDIATE;", CancellationToken.None);

        // The database is full: SQLite answers SQLITE_FULL and may end the whole transaction itself.
        var full = await Should.ThrowAsync<SqliteException>(() => SqliteLedgerStore.ExecuteAsync(connection, null, "INSERT INTO filler VALUES (zeroblob(1000000));", CancellationToken.None));
        full.SqliteErrorCode.ShouldBe(13); // SQLITE_FULL

        await SqliteLedgerStore.RollbackAsync(connection); // must not fail with "no transaction is active"
        SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle).ShouldBe(1);
    }

    [Fact]
    public async Task RollbackAsync_WithoutATransaction_DoesNothing()
    {
        await using var connection = await store.OpenAsync(CancellationToken.None);

        await SqliteLedgerStore.RollbackAsync(connection);

        await Should.ThrowAsync<SqliteException>(() => SqliteLedgerStore.ExecuteAsync(connection, null, "ROLLBACK;", CancellationToken.None)); // what it used to run
    }

    [Fact]
    public async Task RollbackAsync_InATransaction_UndoesIt()
    {
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await SqliteLedgerStore.ExecuteAsync(connection, null, "CREATE TABLE t (i INTEGER);", CancellationToken.None);
        await SqliteLedgerStore.ExecuteAsync(connection, null, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1);", CancellationToken.None);

        await SqliteLedgerStore.RollbackAsync(connection);

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t;";
        (await count.ExecuteScalarAsync()).ShouldBe(0L);
    }

    private static async Task ShouldHaveTheSettingsAsync(SqliteConnection connection)
    {
        (await PragmaAsync(connection, "synchronous")).ShouldBe(2L); // FULL
        (await PragmaAsync(connection, "busy_timeout")).ShouldBe(60000L);
        (await PragmaAsync(connection, "foreign_keys")).ShouldBe(1L);
        (await PragmaAsync(connection, "cache_size")).ShouldBe(-16384L);
        (await PragmaAsync(connection, "temp_store")).ShouldBe(2L); // MEMORY
    }

    private static async Task<object?> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return await cmd.ExecuteScalarAsync();
    }
}
