using System.Net.Http.Headers;
using System.Security.Cryptography;
using Fapiao.Accounts;
using Fapiao.Ledger.Signing;
using Fapiao.Sqlite;
using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fapiao.Web.Tests.Support;

/// <summary>
/// The real service for a test: Kestrel on a free port of 127.0.0.1 over a real SQLite file in a
/// folder of its own, started as <c>fapiao serve</c> starts it (<see cref="WebHost.StartAsync"/>),
/// with its log captured. Clients are plain HttpClients with an API key of a tenant and role.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly string folder;
    private readonly SqliteLedgerStore store;
    private readonly CheckpointSigner signer;
    private readonly List<HttpClient> clients = [];

    private TestApp(string folder, SqliteLedgerStore store, CheckpointSigner signer, WebApplication app, CapturedLogs logs)
    {
        this.folder = folder;
        this.store = store;
        this.signer = signer;
        App = app;
        Logs = logs;
        BaseAddress = new Uri(app.Addresses()[0]);
    }

    public WebApplication App { get; }

    public CapturedLogs Logs { get; }

    public Uri BaseAddress { get; }

    public string DatabasePath => store.Path;

    /// <summary>The service's data folder (kept originals, web keys).</summary>
    public string DataDir => folder;

    public AccountService Accounts => App.Services.GetRequiredService<AccountService>();

    public InvoiceLedger Ledger => App.Services.GetRequiredService<InvoiceLedger>();

    public static Task<TestApp> StartAsync(Func<WebOptions, WebOptions>? configure = null) =>
        StartAsync(configure, Directory.CreateTempSubdirectory("fapiao-web-").FullName, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Stops this service and starts a new one on the same database and key, as a restarted process would.</summary>
    public async Task<TestApp> RestartAsync(Func<WebOptions, WebOptions>? configure = null)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(signerPem);
        keepFolder = true;
        await DisposeAsync();
        return await StartAsync(configure, folder, key);
    }

    private bool keepFolder;
    private string signerPem = "";

    private static async Task<TestApp> StartAsync(Func<WebOptions, WebOptions>? configure, string folder, ECDsa key)
    {
        var store = new SqliteLedgerStore(Path.Combine(folder, "ledger.db"));
        await store.InitializeAsync(CancellationToken.None);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var signer = new CheckpointSigner(key);
        var logs = new CapturedLogs();
        var options = new WebOptions
        {
            Stores = StoreSet.Of(store),
            Signer = signer,
            DataDir = folder,
            Urls = "http://127.0.0.1:0",
            VerifyInBackground = false,
            ConfigureLogging = logging => logging.AddProvider(logs),
        };
        var app = await WebHost.StartAsync(configure is null ? options : configure(options), CancellationToken.None);
        return new TestApp(folder, store, signer, app, logs) { signerPem = pem };
    }

    /// <summary>Creates the tenant if needed and a new API key of this role for it.</summary>
    public async Task<string> KeyAsync(string tenant, Role role)
    {
        await Accounts.CreateTenantAsync(tenant, CancellationToken.None);
        return (await Accounts.CreateApiKeyAsync(tenant, role, CancellationToken.None)).Key;
    }

    /// <summary>A client with a new API key of the tenant and role.</summary>
    public async Task<HttpClient> ClientAsync(string tenant, Role role = Role.Admin) => ClientWithKey(await KeyAsync(tenant, role));

    public HttpClient ClientWithKey(string? key)
    {
        var client = Anonymous();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A client without credentials that does not follow redirects and keeps cookies.</summary>
    public HttpClient Anonymous()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        await store.DisposeAsync();
        signer.Dispose();
        if (keepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS's temp cleaning; no outcome depends on it.
        }
    }
}
