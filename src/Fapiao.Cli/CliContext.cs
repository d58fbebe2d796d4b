using System.CommandLine;
using System.Text.RegularExpressions;
using Fapiao.Ledger.Signing;
using Fapiao.Storage;
using Fapiao.Web.Hosting;

namespace Fapiao.Cli;

/// <summary>The opened ledger a command works on: data folder, tenant, store, key, use cases.</summary>
internal sealed partial class CliContext : IAsyncDisposable
{
    public const string DatabaseName = "ledger.db";
    public const string KeysFolder = "keys";

    private CliContext(string dataDir, string tenant, bool json, ILedgerStore store, CheckpointSigner signer)
    {
        DataDir = dataDir;
        Tenant = tenant;
        Json = json;
        Store = store;
        Signer = signer;
        Ledger = new InvoiceLedger(store, signer, TimeProvider.System);
    }

    public string DataDir { get; }
    public string Tenant { get; }
    public bool Json { get; }
    public ILedgerStore Store { get; }
    public CheckpointSigner Signer { get; }
    public InvoiceLedger Ledger { get; }

    public static string Actor => "cli:" + Environment.UserName;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantName();

    public static string CheckTenantName(string tenant) =>
        TenantName().IsMatch(tenant)
            ? tenant
            : throw new CliException(ExitCodes.Usage, $"\"{tenant}\" is not a tenant name: use 1–63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");

    /// <summary>
    /// Opens an existing ledger; a missing data folder or tenant is a clear usage error. A command
    /// that only reads opens the read replica (--read-db) where one is named; a replica may lag
    /// the primary by what it has not replayed yet (none with synchronous_commit = remote_apply).
    /// </summary>
    public static async Task<CliContext> OpenAsync(ParseResult parse, CancellationToken ct, bool writes = false)
    {
        var dataDir = parse.GetValue(GlobalOptions.Data)!;
        var tenant = CheckTenantName(parse.GetValue(GlobalOptions.Tenant)!);
        var location = !writes && parse.GetValue(GlobalOptions.ReadDatabase) is { Length: > 0 } replica
            ? LedgerDatabase.Parse(replica, dataDir)
            : LedgerDatabase.From(parse);
        if (!location.IsPostgres && !File.Exists(location.SqlitePath))
        {
            throw new CliException(ExitCodes.Usage, $"There is no ledger in {dataDir}. Create one with: fapiao init --data {dataDir}");
        }

        if (location.IsPostgres && !Directory.Exists(Path.Combine(dataDir, KeysFolder)))
        {
            throw new CliException(ExitCodes.Usage, $"There is no signing key in {dataDir}. Create it with: fapiao init --data {dataDir} --db …");
        }

        var store = location.Open();
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
            if (!await store.TenantExistsAsync(tenant, ct).ConfigureAwait(false))
            {
                throw new CliException(ExitCodes.Usage, $"The ledger in {location} has no tenant \"{tenant}\". Add it with: fapiao init --tenant {tenant}");
            }

            var signer = SigningKeyFile.Load(Path.Combine(dataDir, KeysFolder));
            return new CliContext(dataDir, tenant, parse.GetValue(GlobalOptions.Json), store, signer);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens the ledger's database for a command that is not about one tenant (tenants, keys,
    /// users, serve): the database must exist, as must the signing key beside it.
    /// </summary>
    public static async Task<StoreSet> OpenStoresAsync(ParseResult parse, CancellationToken ct)
    {
        var dataDir = parse.GetValue(GlobalOptions.Data)!;
        var location = LedgerDatabase.From(parse);
        if (!location.IsPostgres && !File.Exists(location.SqlitePath))
        {
            throw new CliException(ExitCodes.Usage, $"There is no ledger in {dataDir}. Create one with: fapiao init --data {dataDir}");
        }

        var stores = location.OpenStores();
        try
        {
            await stores.Ledger.InitializeAsync(ct).ConfigureAwait(false);
            return stores;
        }
        catch
        {
            await stores.Ledger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
        Signer.Dispose();
    }
}
