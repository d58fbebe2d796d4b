using Fapiao.Accounts;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Fapiao.Web.Ui;

/// <summary>
/// One UI request: its language (<c>?lang=en|zh</c>, remembered in a cookie; Chinese by default),
/// the signed-in caller, the antiforgery token for its forms, and the page layout around a body.
/// </summary>
internal sealed class UiRequest
{
    public const string LanguageCookie = "fapiao.lang";

    private const string SecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly IAntiforgery antiforgery;
    private AntiforgeryTokenSet? tokens;

    private UiRequest(HttpContext context, IAntiforgery antiforgery, UiText text)
    {
        Context = context;
        this.antiforgery = antiforgery;
        T = text;
        Caller = context.User.FindCaller();
    }

    public HttpContext Context { get; }

    public UiText T { get; }

    public Caller? Caller { get; }

    public static UiRequest From(HttpContext context, IAntiforgery antiforgery)
    {
        var asked = context.Request.Query["lang"].ToString();
        UiLanguage language;
        if (asked is "en" or "zh")
        {
            language = asked == "en" ? UiLanguage.En : UiLanguage.Zh;
            context.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
                Secure = context.Request.IsHttps,
            });
        }
        else
        {
            language = context.Request.Cookies[LanguageCookie] == "en" ? UiLanguage.En : UiLanguage.Zh;
        }

        return new UiRequest(context, antiforgery, UiText.For(language));
    }

    /// <summary>The hidden antiforgery field every POST form carries.</summary>
    public Markup TokenField()
    {
        tokens ??= antiforgery.GetAndStoreTokens(Context);
        return Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    /// <summary>A whole page: the layout (skip link, navigation, account, language switch) around <paramref name="body"/>.</summary>
    public IResult Page(string title, Markup body, int status = StatusCodes.Status200OK, bool withScript = false)
    {
        var page = Html.Of($"""
            <!doctype html>
            <html lang="{T.LangTag}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · {T[Msg.AppName]}</title>
            <link rel="stylesheet" href="/ui/app.css">
            {Html.If(withScript, Html.Of($"<script src=\"/ui/verify.js\" defer></script>"))}
            </head>
            <body>
            <a class="skip" href="#main">{T[Msg.SkipToContent]}</a>
            <header class="top">
            <a class="brand" href="/">{T[Msg.AppName]}</a>
            {Navigation()}
            <div class="account">{Account()}<a class="lang" href="{SwitchUrl()}" lang="{(T.Language == UiLanguage.En ? "zh-CN" : "en")}">{T[Msg.SwitchLanguage]}</a></div>
            </header>
            <main id="main" tabindex="-1">
            {body}
            </main>
            </body>
            </html>
            """);
        return new PageResult(page.Value, status);
    }

    public IResult Forbidden() => Page(T[Msg.ForbiddenTitle], Html.Of($"""
        <h1>{T[Msg.ForbiddenTitle]}</h1>
        <p role="alert">{T.Format(Msg.ForbiddenText, RoleName())}</p>
        <p><a href="/">{T[Msg.BackHome]}</a></p>
        """), StatusCodes.Status403Forbidden);

    public IResult NotFound() => Page(T[Msg.NotFoundTitle], Html.Of($"""
        <h1>{T[Msg.NotFoundTitle]}</h1>
        <p role="alert">{T[Msg.NotFoundText]}</p>
        <p><a href="/">{T[Msg.BackHome]}</a></p>
        """), StatusCodes.Status404NotFound);

    public string RoleName() => Caller?.Role.ToText() ?? "-";

    public string StateName(InvoiceState state) => T[state switch
    {
        InvoiceState.Normal => Msg.StateNormal,
        InvoiceState.PartiallyReversed => Msg.StatePartiallyReversed,
        InvoiceState.Reversed => Msg.StateReversed,
        _ => Msg.StateVoided,
    }];

    public string OutcomeName(IngestOutcome outcome) => T[outcome switch
    {
        IngestOutcome.Accepted => Msg.OutcomeAccepted,
        IngestOutcome.Duplicate => Msg.OutcomeDuplicate,
        IngestOutcome.Enriched => Msg.OutcomeEnriched,
        IngestOutcome.Conflict => Msg.OutcomeConflict,
        _ => Msg.OutcomeRejected,
    }];

    /// <summary>
    /// A problem's message for this page: in Chinese, what the code means and then the core's
    /// message with its exact values (English); in English, the core's message.
    /// </summary>
    public Markup ProblemMessage(Problem p) => ProblemText.Meaning(T, p.Code) is { } meaning
        ? Html.Of($"{meaning} <span class=\"hint\" lang=\"en\">{p.Message}</span>")
        : Html.Of($"{p.Message}");

    /// <summary>A table of problems: severity, code, place, message.</summary>
    public Markup ProblemTable(IEnumerable<Problem> problems, string caption) => Html.Of($"""
        <div class="scroll"><table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{T[Msg.Severity]}</th><th scope="col">{T[Msg.Code]}</th><th scope="col">{T[Msg.Field]}</th><th scope="col">{T[Msg.Message]}</th></tr></thead>
        <tbody>
        {Html.Join(problems.Select(p => Html.Of($"<tr><td>{T[p.IsError ? Msg.SeverityError : Msg.SeverityWarning]}</td><td><code>{p.Code}</code></td><td><code>{p.Field}</code></td><td>{ProblemMessage(p)}</td></tr>\n")))}
        </tbody>
        </table></div>
        """);

    private Markup Navigation()
    {
        if (Caller is null)
        {
            return Markup.Empty;
        }

        var path = Context.Request.Path.Value ?? "/";
        var links = new List<(string Href, Msg Text)> { ("/", Msg.NavDashboard), ("/query", Msg.NavQuery) };
        if (Caller.Can(Permission.Submit))
        {
            links.Add(("/upload", Msg.NavUpload));
        }

        if (Caller.Can(Permission.ReadQuarantine))
        {
            links.Add(("/quarantine", Msg.NavQuarantine));
        }

        if (Caller.Can(Permission.Reconcile))
        {
            links.Add(("/reconcile", Msg.NavReconcile));
        }

        return Html.Of($"""
            <nav aria-label="{T[Msg.MainNav]}"><ul>
            {Html.Join(links.Select(l => Html.Of($"<li><a href=\"{l.Href}\"{Html.If(IsCurrent(path, l.Href), new Markup(" aria-current=\"page\""))}>{T[l.Text]}</a></li>")))}
            </ul></nav>
            """);
    }

    private static bool IsCurrent(string path, string href) =>
        href == "/" ? path == "/" : path.StartsWith(href, StringComparison.Ordinal);

    private Markup Account() => Caller is null
        ? Markup.Empty
        : Html.Of($"""
            <span class="who">{T.Format(Msg.SignedInAs, Context.User.Identity?.Name, Caller.Tenant, Caller.Role.ToText())}</span>
            <form method="post" action="{AuthEndpoints.LogoutPath}" class="inline">{TokenField()}<input type="hidden" name="returnUrl" value="/login"><button type="submit">{T[Msg.SignOut]}</button></form>
            """);

    /// <summary>This page in the other language: the same path and query with <c>lang</c> switched.</summary>
    private string SwitchUrl()
    {
        var query = new QueryBuilder();
        foreach (var (name, values) in Context.Request.Query)
        {
            if (name != "lang")
            {
                foreach (var value in values)
                {
                    query.Add(name, value ?? "");
                }
            }
        }

        query.Add("lang", T.Language == UiLanguage.En ? "zh" : "en");
        return (Context.Request.Path.Value ?? "/") + query.ToQueryString();
    }

    /// <summary>An HTML page with the UI's security headers, never cached.</summary>
    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentSecurityPolicy = SecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "same-origin";
            response.Headers.CacheControl = "no-store";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
