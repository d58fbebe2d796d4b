using System.Globalization;
using Fapiao.Accounts;
using Fapiao.Domain;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Ui;

/// <summary>The sign-in page, the dashboard and the look-up page.</summary>
internal static class Pages
{
    public static IResult Login(UiRequest ui, string? returnUrl, string? error)
    {
        var t = ui.T;
        var back = AuthEndpoints.IsLocal(returnUrl) ? returnUrl! : "/";
        return ui.Page(t[Msg.SignIn], Html.Of($"""
            <h1>{t[Msg.SignInTitle]}</h1>
            {Html.If(error is not null, Html.Of($"<p role=\"alert\" class=\"error\" id=\"login-error\">{t[Msg.WrongPassword]}</p>"))}
            <form method="post" action="{AuthEndpoints.LoginPath}" class="stack">
            {ui.TokenField()}
            <input type="hidden" name="returnUrl" value="{back}">
            <label for="username">{t[Msg.UserName]}</label>
            <input id="username" name="username" autocomplete="username" required autofocus{Html.If(error is not null, new Markup(" aria-describedby=\"login-error\""))}>
            <label for="password">{t[Msg.Password]}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">{t[Msg.SignIn]}</button>
            </form>
            """));
    }

    public static async Task<IResult> DashboardAsync(UiRequest ui, LedgerService ledger, CancellationToken ct)
    {
        var t = ui.T;
        var caller = ui.Caller!;
        var view = await ledger.DashboardAsync(caller, ct).ConfigureAwait(false);
        var byState = Charts.Bars("by-state", t[Msg.ByState], t[Msg.State], view.ByState.Select(s => (ui.StateName(s.State), s.Count)).ToList(), t);
        var byDay = Charts.Columns("by-day", $"{t[Msg.ByDay]} — {t.Format(Msg.ByDayNote, LedgerService.DashboardDays)}", t[Msg.Day],
            view.ByDay.Select(d => (d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Count)).ToList(), t);
        var quarantine = view.QuarantineByCode is { } codes
            ? Html.Of($"""
                <section aria-labelledby="q-h"><h2 id="q-h">{t[Msg.QuarantineByCode]}</h2>
                <p>{t.Format(Msg.QuarantineTotal, view.Quarantined)}</p>
                {Charts.Bars("by-code", t[Msg.QuarantineByCode], t[Msg.Code], codes.Select(c => (c.Code, c.Count)).ToList(), t)}
                </section>
                """)
            : Markup.Empty;
        return ui.Page(t[Msg.DashboardTitle], Html.Of($"""
            <h1>{t[Msg.DashboardTitle]}</h1>
            <p>{t.Format(Msg.InvoicesTotal, view.Invoices)}</p>
            <div class="charts">
            <section aria-labelledby="s-h"><h2 id="s-h">{t[Msg.ByState]}</h2>{byState}</section>
            <section aria-labelledby="d-h"><h2 id="d-h">{t[Msg.ByDay]}</h2><p class="hint">{t.Format(Msg.ByDayNote, LedgerService.DashboardDays)}</p>{byDay}</section>
            {quarantine}
            </div>
            """));
    }

    /// <summary>
    /// The look-up page, in the spirit of the national verification page: number (code for a legacy
    /// invoice) and issue date give the state, or "not in this ledger" with what to check next.
    /// A GET form: it changes nothing, and the answer can be bookmarked.
    /// </summary>
    public static async Task<IResult> QueryAsync(UiRequest ui, LedgerService ledger, string? number, string? code, string? date, CancellationToken ct)
    {
        var t = ui.T;
        var caller = ui.Caller!;
        number = number?.Trim();
        code = code?.Trim();
        date = date?.Trim();
        var answer = Markup.Empty;
        if (!string.IsNullOrEmpty(number))
        {
            var text = string.IsNullOrEmpty(code) ? number : code + "-" + number;
            if (!InvoiceKey.TryParse(text, out var key))
            {
                answer = Html.Of($"<div class=\"answer bad\" role=\"alert\" id=\"answer\"><p>{t[Msg.QueryBadFormat]}</p></div>");
            }
            else
            {
                var view = await ledger.ShowAsync(caller, key, ct).ConfigureAwait(false);
                answer = view is null
                    ? await NotFoundAnswerAsync(ui, ledger, key, ct).ConfigureAwait(false)
                    : FoundAnswer(ui, view.Record.State, view.Record.IssueDate, key, date);
            }
        }

        return ui.Page(t[Msg.QueryTitle], Html.Of($"""
            <h1>{t[Msg.QueryTitle]}</h1>
            <p>{t[Msg.QueryIntro]}</p>
            <form method="get" action="/query" class="stack">
            <label for="number">{t[Msg.InvoiceNumber]}</label>
            <input id="number" name="number" inputmode="numeric" autocomplete="off" required maxlength="20" value="{number}" aria-describedby="number-hint">
            <span class="hint" id="number-hint">{t[Msg.InvoiceNumberHint]}</span>
            <label for="code">{t[Msg.InvoiceCode]}</label>
            <input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="12" value="{code}" aria-describedby="code-hint">
            <span class="hint" id="code-hint">{t[Msg.InvoiceCodeHint]}</span>
            <label for="date">{t[Msg.IssueDate]}</label>
            <input id="date" name="date" type="date" value="{date}">
            <button type="submit">{t[Msg.Search]}</button>
            </form>
            {answer}
            """));
    }

    private static Markup FoundAnswer(UiRequest ui, InvoiceState state, DateOnly issued, InvoiceKey key, string? date)
    {
        var t = ui.T;
        var issuedText = issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var href = "/invoices/" + Uri.EscapeDataString(key.ToString());
        if (!string.IsNullOrEmpty(date) && date != issuedText)
        {
            return Html.Of($"""
                <div class="answer warn" role="alert" id="answer" data-result="date-mismatch">
                <p>{t.Format(Msg.QueryDateMismatch, issuedText)}</p>
                <p><a href="{href}">{t[Msg.OpenInvoice]}</a></p>
                </div>
                """);
        }

        return Html.Of($"""
            <div class="answer ok" role="status" id="answer" data-result="found">
            <p>{t[Msg.QueryFound]}</p>
            <dl class="facts">
            <dt>{t[Msg.Key]}</dt><dd><code>{key}</code></dd>
            <dt>{t[Msg.IssueDate]}</dt><dd>{issuedText}</dd>
            <dt>{t[Msg.State]}</dt><dd class="state state-{state.ToText()}" data-state="{state.ToText()}">{ui.StateName(state)}</dd>
            </dl>
            <p><a href="{href}">{t[Msg.OpenInvoice]}</a></p>
            </div>
            """);
    }

    private static async Task<Markup> NotFoundAnswerAsync(UiRequest ui, LedgerService ledger, InvoiceKey key, CancellationToken ct)
    {
        var t = ui.T;
        var caller = ui.Caller!;
        var quarantined = Markup.Empty;
        if (caller.Can(Permission.ReadQuarantine))
        {
            var items = await ledger.QuarantineForKeyAsync(caller, key.ToString(), 20, ct).ConfigureAwait(false);
            if (items.Count > 0)
            {
                quarantined = Html.Of($"""
                    <p>{t[Msg.FoundInQuarantine]}</p>
                    <ul>{Html.Join(items.Select(i => Html.Of($"<li><a href=\"/quarantine/{i.Id}\">#{i.Id}</a> {i.Outcome} — {string.Join(", ", i.Problems.Where(p => p.IsError).Select(p => p.Code).Distinct())}</li>")))}</ul>
                    """);
            }
        }

        var quarantineCheck = caller.Can(Permission.ReadQuarantine)
            ? Html.Of($"<li><a href=\"/quarantine\">{t[Msg.CheckQuarantine]}</a></li>")
            : Html.Of($"<li>{t[Msg.CheckQuarantine]}</li>");
        var trace = caller.Can(Permission.Trace)
            ? Html.Of($"<p><a href=\"/trace?key={Uri.EscapeDataString(key.ToString())}\" id=\"trace-link\">{t[Msg.TraceLink]}</a></p>")
            : Markup.Empty;
        var uploadCheck = caller.Can(Permission.Submit)
            ? Html.Of($"<li><a href=\"/upload\">{t[Msg.CheckUpload]}</a></li>")
            : Html.Of($"<li>{t[Msg.CheckUpload]}</li>");
        return Html.Of($"""
            <div class="answer bad" role="alert" id="answer" data-result="not-found">
            <p><strong>{t[Msg.NotInLedger]}</strong> <code>{key}</code></p>
            {quarantined}
            <p>{t[Msg.CheckNext]}</p>
            <ul>
            <li>{t[Msg.CheckTypo]}</li>
            <li>{t.Format(Msg.CheckTenant, caller.Tenant)}</li>
            {quarantineCheck}
            {uploadCheck}
            </ul>
            {trace}
            </div>
            """);
    }
}
