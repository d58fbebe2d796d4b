using System.Net;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Accounts;

/// <summary>Signing in with a password in a browser: the form, the cookie, its limits, signing out.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await app.Accounts.CreateTenantAsync("acme", CancellationToken.None);
        (await app.Accounts.SaveUserAsync("alice", "acme", Role.Viewer, "correct horse battery", replace: false, CancellationToken.None)).ShouldBeTrue();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static Task<string> FormTokenAsync(HttpClient browser) => Browser.FormTokenAsync(browser);

    private static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string token, string user, string password, string returnUrl = "/") =>
        Browser.LoginAsync(browser, token, user, password, returnUrl);

    [Fact]
    public async Task Login_RightPassword_SetsCookieThatReadsTheApiAsTheUsersTenant()
    {
        var browser = app.Anonymous();
        var response = await LoginAsync(browser, await FormTokenAsync(browser), "alice", "correct horse battery", "/somewhere");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.ShouldBe("/somewhere");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("fapiao.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var list = await (await browser.GetAsync("/api/v1/invoices")).ShouldBeAsync(HttpStatusCode.OK);
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await (await browser.GetAsync("/")).Content.ReadAsStringAsync()).ShouldContain("alice");
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownUser_BackToTheFormWithoutCookie()
    {
        var browser = app.Anonymous();
        var token = await FormTokenAsync(browser);
        foreach (var (user, password) in new[] { ("alice", "wrong password"), ("nobody", "correct horse battery") })
        {
            var response = await LoginAsync(browser, token, user, password);
            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            response.Headers.Location!.OriginalString.ShouldStartWith("/login?error=1");
            response.Headers.TryGetValues("Set-Cookie", out var cookies);
            (cookies ?? []).ShouldNotContain(c => c.StartsWith("fapiao.auth=", StringComparison.Ordinal));
        }

        await (await browser.GetAsync("/api/v1/invoices")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Refused()
    {
        var browser = app.Anonymous();
        var response = await LoginAsync(browser, "forged", "alice", "correct horse battery");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("fapiao.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_ReturnUrlOfAnotherSite_GoesHomeInstead()
    {
        var browser = app.Anonymous();
        var response = await LoginAsync(browser, await FormTokenAsync(browser), "alice", "correct horse battery", "//evil.example/");

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Cookie_CannotPostThroughTheApi_ThatTakesAnApiKey()
    {
        await app.Accounts.SaveUserAsync("bob", "acme", Role.Admin, "another long password", replace: false, CancellationToken.None);
        var browser = app.Anonymous();
        await LoginAsync(browser, await FormTokenAsync(browser), "bob", "another long password");

        var response = await browser.PostAsync("/api/v1/invoices", Http.JsonBody(SomeInvoices.Json(1)[0]));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(0);
    }

    [Fact]
    public async Task Logout_ClearsTheSession()
    {
        var browser = app.Anonymous();
        var token = await FormTokenAsync(browser);
        await LoginAsync(browser, token, "alice", "correct horse battery");
        (await browser.GetAsync("/api/v1/invoices")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await FormTokenAsync(browser) }));

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        await (await browser.GetAsync("/api/v1/invoices")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task UnauthenticatedPage_RedirectsToLogin_ButTheApiAnswers401()
    {
        var browser = app.Anonymous();

        await (await browser.GetAsync("/api/v1/checkpoint")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        var page = await browser.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/login?ReturnUrl=");
    }
}
