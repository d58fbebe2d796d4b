using System.Net;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>
/// Every route, asked by another tenant's key about this tenant's invoice, quarantine item and log:
/// 404 (or that tenant's own, different data), never this tenant's data and never 403; without a
/// valid key, 401. The same calls with this tenant's own key succeed, so the matrix tests something.
/// </summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private TestApp app = null!;
    private HttpClient acme = null!;
    private HttpClient globex = null!;
    private string key = null!;
    private string seller = null!;
    private long quarantineId;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        acme = await app.ClientAsync("acme", Role.Admin);
        globex = await app.ClientAsync("globex", Role.Admin);
        var posted = await (await acme.PostInvoicesAsync(SomeInvoices.Array([.. SomeInvoices.Json(5), SomeInvoices.Broken]))).ShouldBeAsync(HttpStatusCode.OK);
        var results = posted.GetProperty("results").EnumerateArray().ToList();
        key = results[0].GetProperty("key").GetString()!;
        quarantineId = results[5].GetProperty("quarantineId").GetInt64();
        var shown = await (await acme.GetAsync($"/api/v1/invoices/{key}")).ShouldBeAsync(HttpStatusCode.OK);
        seller = shown.GetProperty("invoice").GetProperty("seller").GetProperty("taxId").GetString()!;
        // globex has a ledger of its own (one invoice), so "empty" cannot pass for "isolated".
        (await globex.PostInvoicesAsync(SomeInvoices.Json(1)[0])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>Every route of API v1 with acme's ids in it.</summary>
    private IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Call)> Routes() =>
    [
        ("GET invoice", c => c.GetAsync($"/api/v1/invoices/{key}")),
        ("GET receipt", c => c.GetAsync($"/api/v1/invoices/{key}/receipt")),
        ("GET list by seller", c => c.GetAsync($"/api/v1/invoices?seller={seller}")),
        ("GET list", c => c.GetAsync("/api/v1/invoices?limit=1000")),
        ("GET checkpoint", c => c.GetAsync("/api/v1/checkpoint")),
        ("GET consistency", c => c.GetAsync("/api/v1/consistency?from=1&to=5")),
        ("GET quarantine", c => c.GetAsync("/api/v1/quarantine")),
        ("GET quarantine item", c => c.GetAsync($"/api/v1/quarantine/{quarantineId}")),
        ("GET key", c => c.GetAsync("/api/v1/key")),
        ("POST invoices", c => c.PostInvoicesAsync(SomeInvoices.Json(1)[0])),
        ("POST files", c => c.PostAsync("/api/v1/files", new MultipartFormDataContent { { new StringContent(SomeInvoices.Json(1)[0]), "file", "a.json" } })),
    ];

    [Fact]
    public async Task EveryRoute_WithoutAValidKey_Is401()
    {
        foreach (var (name, call) in Routes())
        {
            foreach (var client in new[] { app.Anonymous(), app.ClientWithKey("fpk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") })
            {
                var response = await call(client);
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, name);
                (await response.Content.ReadAsStringAsync()).ShouldNotContain(key, customMessage: name);
            }
        }
    }

    [Fact]
    public async Task EveryRoute_WithItsOwnKey_Succeeds()
    {
        foreach (var (name, call) in Routes())
        {
            (await call(acme)).StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }
    }

    [Fact]
    public async Task EveryRoute_WithAnotherTenantsKey_NeverShowsThisTenantsData()
    {
        var acmeRoot = (await (await acme.GetAsync("/api/v1/checkpoint")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("rootHash").GetString()!;
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["GET invoice"] = HttpStatusCode.NotFound,
            ["GET receipt"] = HttpStatusCode.NotFound,
            ["GET list by seller"] = HttpStatusCode.OK,
            ["GET list"] = HttpStatusCode.OK,
            ["GET checkpoint"] = HttpStatusCode.OK,
            ["GET consistency"] = HttpStatusCode.BadRequest,
            ["GET quarantine"] = HttpStatusCode.OK,
            ["GET quarantine item"] = HttpStatusCode.NotFound,
            ["GET key"] = HttpStatusCode.OK,
            ["POST invoices"] = HttpStatusCode.OK,
            ["POST files"] = HttpStatusCode.OK,
        };
        var acmeBefore = (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size;

        foreach (var (name, call) in Routes())
        {
            var response = await call(globex);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected[name], $"{name}: {text}");
            text.ShouldNotContain(key, customMessage: name);
            text.ShouldNotContain(acmeRoot, customMessage: name);
            text.ShouldNotContain("\"acme\"", customMessage: name);
            text.ShouldNotContain("/acme\n", customMessage: name);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", name);
            }
        }

        var quarantine = await (await globex.GetAsync("/api/v1/quarantine")).ShouldBeAsync(HttpStatusCode.OK);
        quarantine.GetProperty("items").GetArrayLength().ShouldBe(0);
        var bySeller = await (await globex.GetAsync($"/api/v1/invoices?seller={seller}")).ShouldBeAsync(HttpStatusCode.OK);
        bySeller.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("key").GetString() != key);
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(acmeBefore);
    }

    [Fact]
    public async Task UseCases_TakeTheCallersTenant_BelowHttp()
    {
        var service = new LedgerService(app.Ledger);
        var invoiceKey = Fapiao.Domain.InvoiceKey.TryParse(key, out var parsed) ? parsed : throw new InvalidOperationException();
        var stranger = new Caller("globex", Role.Operator, "test");

        (await service.ShowAsync(stranger, invoiceKey, CancellationToken.None)).ShouldBeNull();
        (await service.ReceiptAsync(stranger, invoiceKey, CancellationToken.None)).ShouldBeNull();
        (await service.QuarantineItemAsync(stranger, quarantineId, CancellationToken.None)).ShouldBeNull();
        (await service.ShowAsync(stranger.InTenant("acme"), invoiceKey, CancellationToken.None)).ShouldNotBeNull();
        Should.Throw<AccessDeniedException>(() => new Caller("globex", Role.Admin, "test").InTenant("acme"));
        await Should.ThrowAsync<AccessDeniedException>(() => service.IngestAsync(new Caller("acme", Role.Viewer, "test"), [], true, CancellationToken.None));
    }
}
