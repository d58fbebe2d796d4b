using System.Net;
using System.Text;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>The service's limits: the body size (413) and the per-tenant rate (429, one tenant's flood not touching another).</summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() =>
        app = await TestApp.StartAsync(o => o with { MaxBodyBytes = 64 << 10, RateLimitPerSecond = 1, RateLimitBurst = 10 });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task BodyOverTheLimit_Is413_NothingRecorded()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        var many = SomeInvoices.Array(SomeInvoices.Json(200));
        Encoding.UTF8.GetByteCount(many).ShouldBeGreaterThan(64 << 10);

        await (await clerk.PostInvoicesAsync(many)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.tooLarge");
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(0);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(SomeInvoices.Lines(SomeInvoices.Json(200)))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/invoices") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await (await clerk.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.tooLarge");
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(0);
    }

    [Fact]
    public async Task OneTenantsFlood_Is429ForIt_OtherTenantUnaffected()
    {
        var flooder = await app.ClientAsync("acme", Role.Viewer);
        var other = await app.ClientAsync("globex", Role.Viewer);

        var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => flooder.GetAsync("/api/v1/invoices")));
        var calm = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            calm.Add(await other.GetAsync("/api/v1/invoices"));
        }

        var refused = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        refused.Count.ShouldBeGreaterThanOrEqualTo(40 - 10 - 5);
        await refused[0].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "request.rateLimited");
        int.Parse(refused[0].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        calm.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
    }
}
