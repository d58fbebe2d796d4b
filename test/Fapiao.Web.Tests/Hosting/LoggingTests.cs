using System.Net;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Hosting;

/// <summary>The log: a line per request with its request id; never an API key, a password or a full tax ID.</summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Log_HasRequestIds_AndNoSecretsOrTaxIds()
    {
        const string password = "s3cret-Passw0rd-for-the-log-test";
        await app.Accounts.CreateTenantAsync("acme", CancellationToken.None);
        await app.Accounts.SaveUserAsync("alice", "acme", Role.Admin, password, replace: false, CancellationToken.None);
        var key = await app.KeyAsync("acme", Role.Admin);
        var client = app.ClientWithKey(key);
        var invoices = SomeInvoices.Json(5);
        var taxIds = invoices.SelectMany(i =>
        {
            var doc = JsonDocument.Parse(i).RootElement;
            return new[] { doc.GetProperty("seller").GetProperty("taxId").GetString()!, doc.GetProperty("buyer").GetProperty("taxId").GetString()! };
        }).ToList();

        var posted = await client.PostInvoicesAsync(SomeInvoices.Array([.. invoices, SomeInvoices.Broken]), "log-test");
        var requestId = posted.Headers.GetValues("X-Request-Id").Single();
        await client.GetAsync($"/api/v1/invoices?seller={taxIds[0]}&buyer={taxIds[1]}");
        await app.ClientWithKey(key[..^2] + "xx").GetAsync("/api/v1/invoices");
        await client.GetAsync("/api/v1/invoices/not-a-key");
        var browser = app.Anonymous();
        var token = await Browser.FormTokenAsync(browser);
        foreach (var attempt in new[] { password, password + "-wrong" })
        {
            await Browser.LoginAsync(browser, token, "alice", attempt);
        }

        var log = app.Logs.Lines;
        log.ShouldContain(l => l.Contains("POST /api/v1/invoices 200", StringComparison.Ordinal) && l.Contains("RequestId=" + requestId, StringComparison.Ordinal));
        log.ShouldContain(l => l.Contains("GET /api/v1/invoices 401", StringComparison.Ordinal));
        // fpk_ID_SECRET: the id is hex; the base64url secret may itself hold '_'.
        var secret = key.Split('_', 3)[2];
        secret.Length.ShouldBe(43);
        foreach (var line in log)
        {
            line.ShouldNotContain(secret);
            line.ShouldNotContain(password);
            foreach (var taxId in taxIds)
            {
                line.ShouldNotContain(taxId);
            }
        }
    }
}
