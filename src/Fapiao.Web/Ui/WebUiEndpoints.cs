using System.Net;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Ui;

/// <summary>
/// The web UI's extension point: the host calls <see cref="MapWebUi"/> once. For now a placeholder
/// home page and the bare login form that <c>POST /login</c> expects (username, password,
/// returnUrl and the antiforgery token); the UI proper replaces both.
/// </summary>
internal static class WebUiEndpoints
{
    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            var caller = context.User.FindCaller();
            var who = caller is null
                ? "<a href=\"/login\">登录 Sign in</a>"
                : $"{WebUtility.HtmlEncode(context.User.Identity?.Name)} ({WebUtility.HtmlEncode(caller.Tenant)}, {caller.Role.ToString().ToLowerInvariant()})";
            return Results.Content(Page("发票账本 Fapiao Ledger", $"<h1>发票账本 Fapiao Ledger</h1><p>{who}</p>"), "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet(AuthEndpoints.LoginPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            var body = $"""
                <h1>登录 Sign in</h1>
                {(error is null ? "" : "<p role=\"alert\">用户名或密码错误 Wrong name or password</p>")}
                <form method="post" action="{AuthEndpoints.LoginPath}">
                <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
                <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(AuthEndpoints.IsLocal(returnUrl) ? returnUrl : "/")}">
                <label>用户名 Name <input name="username" autocomplete="username" required></label>
                <label>密码 Password <input name="password" type="password" autocomplete="current-password" required></label>
                <button type="submit">登录 Sign in</button>
                </form>
                """;
            return Results.Content(Page("登录 Sign in", body), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body>{body}</body></html>";
}
