using System.Reflection;
using Fapiao.Accounts;
using Fapiao.Web.Accounts;
using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Ui;

/// <summary>
/// The web UI: server-rendered pages (Chinese by default, <c>?lang=en</c> for English) whose core
/// flows work without JavaScript; forms post with the antiforgery token. The host calls
/// <see cref="MapWebUi"/> once. Every page but sign-in needs a signed-in caller; what a page may
/// show comes from the use cases (LedgerService), which act in the caller's tenant only.
/// </summary>
internal static class WebUiEndpoints
{
    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Assets = LoadAssets();

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ui/{name}", (string name) => Assets.TryGetValue(name, out var asset)
                ? Results.Bytes(asset.Bytes, asset.ContentType)
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();

        app.MapGet(AuthEndpoints.LoginPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
            Pages.Login(UiRequest.From(context, antiforgery), returnUrl, error)).ExcludeFromDescription();

        var pages = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger) =>
            RunAsync(context, antiforgery, ui => Pages.DashboardAsync(ui, ledger, context.RequestAborted)));
        pages.MapGet("/query", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, string? number, string? code, string? date) =>
            RunAsync(context, antiforgery, ui => Pages.QueryAsync(ui, ledger, number, code, date, context.RequestAborted)));
        pages.MapGet("/invoices/{key}", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, string key) =>
            RunAsync(context, antiforgery, ui => InvoicePage.ShowAsync(ui, ledger, key, context.RequestAborted)));
        pages.MapGet("/invoices/{key}/receipt", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, string key) =>
            RunAsync(context, antiforgery, ui => InvoicePage.ReceiptAsync(ui, ledger, key, context.RequestAborted)));
        pages.MapGet("/invoices/{key}/original/{sha256}", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, WebOptions options, string key, string sha256) =>
            RunAsync(context, antiforgery, ui => InvoicePage.OriginalAsync(ui, ledger, options, key, sha256, context.RequestAborted)));
        pages.MapGet("/upload", (HttpContext context, IAntiforgery antiforgery) =>
            RunAsync(context, antiforgery, ui => Task.FromResult(UploadPage.Form(ui))));
        pages.MapPost("/upload", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, LedgerMetrics metrics, WebOptions options, [FromForm] IFormFileCollection files) =>
            RunAsync(context, antiforgery, ui => UploadPage.PostAsync(ui, ledger, metrics, options, files, context.RequestAborted)));
        pages.MapGet("/quarantine", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, long? after) =>
            RunAsync(context, antiforgery, ui => QuarantinePages.ListAsync(ui, ledger, after, context.RequestAborted)));
        pages.MapGet("/quarantine/{id:long}", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, long id) =>
            RunAsync(context, antiforgery, ui => QuarantinePages.ItemAsync(ui, ledger, id, context.RequestAborted)));
        pages.MapGet("/trace", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, string? key) =>
            RunAsync(context, antiforgery, ui => ReconcilePages.TraceAsync(ui, ledger, key, context.RequestAborted)));
        pages.MapGet("/reconcile", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger) =>
            RunAsync(context, antiforgery, ui => ReconcilePages.FormAsync(ui, ledger, context.RequestAborted)));
        pages.MapGet("/reconcile/{id:long}", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, long id) =>
            RunAsync(context, antiforgery, ui => ReconcilePages.RunAsync(ui, ledger, id, context.RequestAborted)));
        pages.MapPost("/reconcile", (HttpContext context, IAntiforgery antiforgery, LedgerService ledger, [FromForm] IFormFileCollection files, [FromForm] string? period) =>
            RunAsync(context, antiforgery, ui => ReconcilePages.PostAsync(ui, ledger, files, period, context.RequestAborted)));
        return app;
    }

    /// <summary>Runs a page; a role that lacks the permission gets the UI's 403 page rather than problem JSON.</summary>
    private static async Task<IResult> RunAsync(HttpContext context, IAntiforgery antiforgery, Func<UiRequest, Task<IResult>> page)
    {
        var ui = UiRequest.From(context, antiforgery);
        try
        {
            return await page(ui).ConfigureAwait(false);
        }
        catch (AccessDeniedException)
        {
            return ui.Forbidden();
        }
    }

    private static Dictionary<string, (string, byte[])> LoadAssets()
    {
        var assembly = typeof(WebUiEndpoints).Assembly;
        const string prefix = "Fapiao.Web.Ui.Assets.";
        var assets = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var name = resource[prefix.Length..];
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            assets[name] = (type, memory.ToArray());
        }

        return assets;
    }
}
