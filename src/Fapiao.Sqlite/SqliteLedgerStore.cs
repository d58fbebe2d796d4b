using System.Globalization;
using System.Runtime.CompilerServices;
using Fapiao.Accounts;
using Fapiao.Idempotency;
using Fapiao.Ledger;
using Fapiao.Storage;
using Microsoft.Data.Sqlite;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with synchronous=FULL on every connection, so
/// an acknowledged commit survives power loss. One writer connection per process (the group
/// commit writer is its only user); reads open pooled connections of their own. Writers in other
/// processes are serialised by SQLite's write lock (BEGIN IMMEDIATE) and continue from the head
/// they find.
/// </summary>
internal sealed partial class SqliteLedgerStore : ILedgerStore, IAccountStore, IIdempotencyStore
{
    /// <summary>
    /// Smaller than the default: the single writer, not round trips, bounds an embedded ingest, and
    /// with fewer submissions alive each garbage collection has less to keep (1,000,000 invoices:
    /// GC pauses 4 s → 1 s; bench/README.md).
    /// </summary>
    public int IngestChunkItems => 256;

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SqliteStatementCache statements = new();
    private SqliteConnection? writeConnection;
    private SqliteCheckpointer? checkpointer;

    /// <summary>
    /// The memory the writer's key filters may take together (256 MiB: about 32 tenants of a
    /// million invoices); past it the least recently used tenants' filters are dropped.
    /// </summary>
    public const long DefaultKeyFilterBudget = 256L << 20;

    // The writer's key filters per tenant and the lookups made without one; used under writeGate only.
    private readonly Dictionary<string, TenantKeys> keyFilters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> keysLookedUp = new(StringComparer.Ordinal);
    private readonly long keyFilterBudget;
    private long keyFilterUses;

    /// <param name="path">The database file.</param>
    /// <param name="keyFilterBudget">The memory the key filters of all tenants may take (<see cref="DefaultKeyFilterBudget"/>).</param>
    public SqliteLedgerStore(string path, long keyFilterBudget = DefaultKeyFilterBudget)
    {
        this.keyFilterBudget = keyFilterBudget;
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    public async ValueTask InitializeAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var version = Convert.ToInt32(await ScalarAsync(connection, tx, "PRAGMA user_version;", ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > SqliteSchema.Version)
        {
            throw new InvalidOperationException($"The ledger file {Path} has schema version {version}; this program knows up to {SqliteSchema.Version}. Use a newer fapiao.");
        }

        if (version == 0)
        {
            await ExecuteAsync(connection, tx, SqliteSchema.Create, ct).ConfigureAwait(false);
            await ExecuteAsync(connection, tx, $"PRAGMA user_version = {SqliteSchema.Version};", ct).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, tx, SqliteSchema.Accounts, ct).ConfigureAwait(false);

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask<bool> CreateTenantAsync(string tenant, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO tenants (tenant, created_at) VALUES ($t, $at) ON CONFLICT DO NOTHING;";
        insert.Parameters.AddWithValue("$t", tenant);
        insert.Parameters.AddWithValue("$at", Times.Format(at));
        if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await using var head = connection.CreateCommand();
        head.Transaction = tx;
        head.CommandText = "INSERT INTO log_head (tenant, size, frontier, next_quarantine_id) VALUES ($t, 0, x'', 1);";
        head.Parameters.AddWithValue("$t", tenant);
        await head.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<bool> TenantExistsAsync(string tenant, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM tenants WHERE tenant = $t;";
        cmd.Parameters.AddWithValue("$t", tenant);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    public async ValueTask<IReadOnlyList<string>> ListTenantsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT tenant FROM tenants ORDER BY tenant;";
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    public IStoredHashes Hashes(string tenant) => new SqliteStoredHashes(this, tenant);

    public async ValueTask<string?> CheckIntegrityAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var result = (string?)await ScalarAsync(connection, null, "PRAGMA integrity_check(1);", ct).ConfigureAwait(false);
        return result == "ok" ? null : result;
    }

    /// <summary>
    /// Opens a connection with the durability settings every connection must have. They are
    /// per-connection settings that SQLite keeps for the life of the physical connection, and the
    /// pool hands out the same physical connection (its <see cref="SqliteConnection.Handle"/>) again
    /// without resetting them: so they are set once per physical connection, not on every open.
    /// </summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            var handle = connection.Handle!;
            if (!Configured.TryGetValue(handle, out _))
            {
                await ExecuteAsync(connection, null, ConnectionSettings, ct).ConfigureAwait(false);
                Configured.AddOrUpdate(handle, Marker);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return connection;
    }

    internal const string ConnectionSettings = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;";

    /// <summary>The physical connections (native handles) that have their <see cref="ConnectionSettings"/>; entries go with their handles.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    private static readonly object Marker = new();

    /// <summary>
    /// Rolls back the connection's transaction if one is still open. SQLite rolls a transaction back
    /// by itself on some errors (a full disk, an I/O error); a ROLLBACK then fails with "no transaction
    /// is active", and that error would replace the one that says what went wrong.
    /// </summary>
    internal static async Task RollbackAsync(SqliteConnection connection)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            await ExecuteAsync(connection, null, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (checkpointer is not null)
        {
            await checkpointer.DisposeAsync().ConfigureAwait(false);
        }

        if (writeConnection is not null)
        {
            await writeConnection.DisposeAsync().ConfigureAwait(false);
        }

        writeGate.Dispose();
        statements.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
