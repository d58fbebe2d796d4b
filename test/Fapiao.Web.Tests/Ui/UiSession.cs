using System.Net;
using System.Text.RegularExpressions;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Ui;

/// <summary>A browser-like HttpClient signed in through the UI's own form (cookie and antiforgery token).</summary>
internal static partial class UiSession
{
    public const string Password = "correct horse battery";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Makes the user (tenant created if needed) and signs in; the client keeps the cookies.</summary>
    public static async Task<HttpClient> SignInAsync(TestApp app, string user, string tenant, Role role)
    {
        await app.Accounts.CreateTenantAsync(tenant, CancellationToken.None);
        (await app.Accounts.SaveUserAsync(user, tenant, role, Password, replace: false, CancellationToken.None)).ShouldBeTrue();
        var browser = app.Anonymous();
        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(browser, "/login"),
            ["username"] = user,
            ["password"] = Password,
            ["returnUrl"] = "/",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        return browser;
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    /// <summary>GETs a page, asserting its status; returns the HTML.</summary>
    public static async Task<string> PageAsync(this HttpClient browser, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return html;
    }
}
