using System.Net;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Accounts;

/// <summary>API keys: what authenticates, and what each role may do in its own tenant.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fpk_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task MissingOrUnknownKey_Is401(string? key)
    {
        await app.KeyAsync("acme", Role.Admin);
        var response = await app.ClientWithKey(key).GetAsync("/api/v1/invoices");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task KeyWithOneCharacterChanged_Is401()
    {
        var key = await app.KeyAsync("acme", Role.Admin);
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        await (await app.ClientWithKey(tampered).GetAsync("/api/v1/invoices")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        (await app.ClientWithKey(key).GetAsync("/api/v1/invoices")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StoredKey_IsOnlyItsHash()
    {
        var (key, record) = await app.Accounts.CreateApiKeyAsync(await TenantAsync(), Role.Clerk, CancellationToken.None);
        var stored = (await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IAccountStore>(app.App.Services).FindApiKeyAsync(record.Id, CancellationToken.None)).ShouldNotBeNull();

        stored.KeySha256.ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        var bytes = await File.ReadAllBytesAsync(app.DatabasePath);
        System.Text.Encoding.ASCII.GetString(bytes).ShouldNotContain(key[^20..]);
    }

    [Theory]
    [InlineData(Role.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(Role.Clerk, HttpStatusCode.OK)]
    [InlineData(Role.Admin, HttpStatusCode.OK)]
    [InlineData(Role.Operator, HttpStatusCode.OK)]
    public async Task Submitting_TakesARoleThatSubmits(Role role, HttpStatusCode expected)
    {
        var client = await app.ClientAsync("acme", role);

        var response = await client.PostInvoicesAsync(SomeInvoices.Json(1)[0]);

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Role.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Clerk, HttpStatusCode.Forbidden)]
    [InlineData(Role.Auditor, HttpStatusCode.OK)]
    [InlineData(Role.Admin, HttpStatusCode.OK)]
    public async Task ConsistencyProofs_TakeARoleThatReadsProofs(Role role, HttpStatusCode expected)
    {
        await (await app.ClientAsync("acme", Role.Clerk)).PostInvoicesAsync(SomeInvoices.Array(SomeInvoices.Json(3)));
        var client = await app.ClientAsync("acme", role);

        var response = await client.GetAsync("/api/v1/consistency?from=1&to=3");

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Operator_ActsInAnotherTenantByHeader_OthersMayNot()
    {
        var acme = await app.ClientAsync("acme", Role.Clerk);
        var posted = await (await acme.PostInvoicesAsync(SomeInvoices.Json(1)[0])).ShouldBeAsync(HttpStatusCode.OK);
        var key = posted.GetProperty("results")[0].GetProperty("key").GetString();
        var op = await app.ClientAsync("platform", Role.Operator);
        var admin = await app.ClientAsync("globex", Role.Admin);

        using var asOperator = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{key}") { Headers = { { "X-Fapiao-Tenant", "acme" } } };
        (await op.SendAsync(asOperator)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{key}") { Headers = { { "X-Fapiao-Tenant", "acme" } } };
        await (await admin.SendAsync(asAdmin)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        using var nowhere = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{key}") { Headers = { { "X-Fapiao-Tenant", "nowhere" } } };
        await (await op.SendAsync(nowhere)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "tenant.notFound");
    }

    private async Task<string> TenantAsync()
    {
        await app.Accounts.CreateTenantAsync("acme", CancellationToken.None);
        return "acme";
    }
}
