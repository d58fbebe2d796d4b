using Fapiao.Accounts;
using Fapiao.Idempotency;
using Fapiao.Ledger;
using Fapiao.Storage;
using Npgsql;

// SQL text here is assembled only from constant fragments; every value is bound as a parameter.
#pragma warning disable CA2100

namespace Fapiao.PostgreSql;

/// <summary>
/// The scale-out store: the same ledger on a PostgreSQL server. Refuses to start unless commits
/// are flushed before they are acknowledged (synchronous_commit on, fsync on). Writers, in this
/// process or any other, are serialised per tenant by a row lock on the tenant's log head
/// (SELECT … FOR UPDATE) and continue from the head they find; tenants write in parallel.
/// Nothing relies on advisory locks or on sequences.
/// </summary>
internal sealed partial class PostgreSqlLedgerStore : ILedgerStore, IAccountStore, IIdempotencyStore
{
    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlLedgerStore(string connectionString)
    {
        Description = Describe(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Where a connection string points, without the password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Where the ledger lives, without the password.</summary>
    public string Description { get; }

    public async ValueTask InitializeAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await CheckDurabilityAsync(connection, ct).ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, ct).ConfigureAwait(false);
        if (version is null)
        {
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await ExecuteAsync(connection, PostgreSqlSchema.Create, ct).ConfigureAwait(false);
                await using var insert = new NpgsqlCommand($"INSERT INTO {PostgreSqlSchema.VersionTable} (version) VALUES ($1);", connection);
                insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PostgreSqlSchema.Version });
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                await CreateAccountTablesAsync(connection, ct).ConfigureAwait(false);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateFunction)
            {
                // Another process created the schema at the same moment: use theirs.
                version = await ReadVersionAsync(connection, ct).ConfigureAwait(false);
            }
        }

        if (version > PostgreSqlSchema.Version)
        {
            throw new InvalidOperationException($"The ledger database {Description} has schema version {version}; this program knows up to {PostgreSqlSchema.Version}. Use a newer fapiao.");
        }

        await CreateAccountTablesAsync(connection, ct).ConfigureAwait(false);
    }

    private static async Task CreateAccountTablesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connection, PostgreSqlSchema.Accounts, ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject)
        {
            // Another process created them at the same moment (IF NOT EXISTS is not atomic): theirs serve.
        }
    }

    /// <summary>
    /// An acknowledged write must survive a crash of the server: the commit record must be flushed
    /// before the commit returns. "on" (and the stricter "remote_apply") do that; "off", "local"
    /// with a standby expected, or "remote_write" could acknowledge what a crash then loses.
    /// </summary>
    private async Task CheckDurabilityAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var synchronousCommit = await ScalarAsync(connection, "SHOW synchronous_commit;", ct).ConfigureAwait(false);
        if (synchronousCommit is not ("on" or "remote_apply"))
        {
            throw new InvalidOperationException($"The database {Description} has synchronous_commit = {synchronousCommit}: an acknowledged invoice could be lost in a crash. Set synchronous_commit = on.");
        }

        var fsync = await ScalarAsync(connection, "SHOW fsync;", ct).ConfigureAwait(false);
        if (fsync != "on")
        {
            throw new InvalidOperationException($"The database {Description} runs with fsync = {fsync}: an acknowledged invoice could be lost in a crash. Set fsync = on.");
        }
    }

    private static async Task<int?> ReadVersionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{PostgreSqlSchema.VersionTable}') IS NOT NULL;", connection);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not true)
        {
            return null;
        }

        await using var cmd = new NpgsqlCommand($"SELECT version FROM {PostgreSqlSchema.VersionTable};", connection);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is int version ? version : null;
    }

    public async ValueTask<bool> CreateTenantAsync(string tenant, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand("INSERT INTO tenants (tenant, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING;", connection, tx))
        {
            insert.Parameters.Add(PostgreSqlRows.Text(tenant));
            insert.Parameters.Add(PostgreSqlRows.Time(at));
            if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await using (var head = new NpgsqlCommand("INSERT INTO log_head (tenant, size, frontier, next_quarantine_id) VALUES ($1, 0, '\\x', 1);", connection, tx))
        {
            head.Parameters.Add(PostgreSqlRows.Text(tenant));
            await head.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<bool> TenantExistsAsync(string tenant, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT 1 FROM tenants WHERE tenant = $1;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    public async ValueTask<IReadOnlyList<string>> ListTenantsAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT tenant FROM tenants ORDER BY tenant;");
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    public IStoredHashes Hashes(string tenant) => new PostgreSqlStoredHashes(this, tenant);

    /// <summary>
    /// PostgreSQL has no quick whole-database check a client can run cheaply. Page checksums
    /// (initdb -k, recommended) make the server refuse a damaged page the moment verify reads it,
    /// and verify reads every event, node and checkpoint of the tenant. Where the amcheck
    /// extension is installed, the B-tree indexes of the ledger's tables are checked as well, since
    /// a damaged index (a key that the index and the table disagree on) is otherwise not found by
    /// reading the rows.
    /// </summary>
    public async ValueTask<string?> CheckIntegrityAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        // The extension may live in a schema outside the search path: call it by its full name.
        if (await ScalarAsync(connection, "SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck';", ct).ConfigureAwait(false) is not { } amcheck)
        {
            return null;
        }

        const string check = """
            SELECT c.relname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_am am ON am.oid = c.relam
            WHERE am.amname = 'btree' AND t.relnamespace = to_regnamespace(current_schema())
              AND t.relname IN ('events', 'nodes', 'checkpoints', 'invoices', 'quarantine', 'quarantine_resolutions', 'log_head', 'tenants')
            ORDER BY c.relname;
            """;
        var indexes = new List<string>();
        await using (var cmd = new NpgsqlCommand(check, connection))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var index in indexes)
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"SELECT {amcheck}.bt_index_check(to_regclass(quote_ident($1)), true);", connection);
                cmd.Parameters.Add(PostgreSqlRows.Text(index));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.IndexCorrupted or PostgresErrorCodes.DataCorrupted)
            {
                return $"index {index}: {ex.MessageText}";
            }
        }

        return null;
    }

    internal ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct);

    internal NpgsqlCommand Command(string sql) => dataSource.CreateCommand(sql);

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
