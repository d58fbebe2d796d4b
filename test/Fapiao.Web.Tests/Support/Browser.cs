using System.Net;
using System.Text.RegularExpressions;

namespace Fapiao.Web.Tests.Support;

/// <summary>What a browser does to sign in: fetch the login form's antiforgery token, post the form.</summary>
internal static partial class Browser
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<string> FormTokenAsync(HttpClient browser)
    {
        var page = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string token, string user, string password, string returnUrl = "/") =>
        browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = user,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
}
