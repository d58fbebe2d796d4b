using Fapiao.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Accounts;

/// <summary>
/// Signing in and out in a browser: <c>POST /login</c> (form fields username, password, returnUrl
/// and the antiforgery token) sets the auth cookie; <c>POST /logout</c> clears it. Both answer with
/// a 303 redirect; a failed login goes back to <c>/login?error=1</c>. The form itself is the UI's.
/// </summary>
internal static class AuthEndpoints
{
    public const string LoginPath = "/login";
    public const string LogoutPath = "/logout";
    public const string LoginLimiter = "login";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost(LoginPath, LoginAsync).ExcludeFromDescription().RequireRateLimiting(LoginLimiter);
        app.MapPost(LogoutPath, LogoutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm(Name = "username")] string? username,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        HttpContext context,
        AccountService accounts)
    {
        var caller = string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password)
            ? null
            : await accounts.AuthenticatePasswordAsync(username, password, context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            var back = LoginPath + "?error=1" + (IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : "");
            return new SeeOtherResult(back);
        }

        await context.SignInAsync(AuthSchemes.Cookie, caller.ToPrincipal(AuthSchemes.Cookie, username!)).ConfigureAwait(false);
        return new SeeOtherResult(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<IResult> LogoutAsync([FromForm(Name = "returnUrl")] string? returnUrl, HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie).ConfigureAwait(false);
        return new SeeOtherResult(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>Only paths of this site: no scheme, no host, no protocol-relative "//" or "/\".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>A redirect answered with 303 See Other, so the browser follows a POST with a GET.</summary>
    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
