using System.Globalization;
using System.Text.RegularExpressions;
using Fapiao.Accounts;
using Fapiao.Reconciliation;
using Fapiao.Storage;
using Fapiao.Tracing;
using Fapiao.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Ui;

/// <summary>
/// Reconciliation and trace pages: upload an export and see the run's report (the same use case as
/// <c>POST /api/v1/reconciliations</c>), and trace a key (as <c>GET /api/v1/trace/{key}</c>), reached
/// from the look-up page's "not in this ledger"; the tenant's runs with their open differences, and
/// one run with the differences it opened or closed, every key linked to its trace. Causes are named
/// in the page's language; the detailed explanation is the core's own (English) text.
/// </summary>
internal static partial class ReconcilePages
{
    private const int RowsShown = 200;

    [GeneratedRegex("^[0-9A-Za-z-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyText();

    public static async Task<IResult> FormAsync(UiRequest ui, LedgerService ledger, CancellationToken ct)
    {
        if (!ui.Caller!.Can(Permission.Reconcile))
        {
            return ui.Forbidden();
        }

        var t = ui.T;
        var (runs, open) = await ledger.ReconciliationsAsync(ui.Caller, ct).ConfigureAwait(false);
        return ui.Page(t[Msg.ReconcileTitle], Html.Of($"""
            <h1>{t[Msg.ReconcileTitle]}</h1>
            {ReconcileForm(ui)}
            <h2 id="history">{t[Msg.ReconcileHistory]}</h2>
            {(runs.Count == 0 ? Html.Of($"<p>{t[Msg.ReconcileNoRuns]}</p>") : RunsTable(t, runs))}
            <h2 id="open">{t.Format(Msg.ReconcileOpenDifferences, open.Count)}</h2>
            {DifferencesTable(t, open)}
            """));
    }

    public static async Task<IResult> RunAsync(UiRequest ui, LedgerService ledger, long id, CancellationToken ct)
    {
        if (!ui.Caller!.Can(Permission.Reconcile))
        {
            return ui.Forbidden();
        }

        var t = ui.T;
        if (await ledger.ReconciliationAsync(ui.Caller, id, ct).ConfigureAwait(false) is not { } found)
        {
            return ui.NotFound();
        }

        var (run, differences) = found;
        return ui.Page(t.Format(Msg.ReconcileRunTitle, run.Id), Html.Of($"""
            <h1>{t.Format(Msg.ReconcileRunTitle, run.Id)}</h1>
            {RunsTable(t, [run])}
            <p>{run.LeftName} ({run.LeftCount}, <code>{run.LeftSha256}</code>) / {run.RightName} ({run.RightCount}, <code>{run.RightSha256}</code>)</p>
            <h2>{t[Msg.ReconcileRunDifferences]}</h2>
            {DifferencesTable(t, differences)}
            <p><a href="/reconcile#history">{t[Msg.ReconcileHistory]}</a></p>
            """));
    }

    private static Markup RunsTable(UiText t, IReadOnlyList<ReconciliationRun> runs) => Html.Of($"""
        <div class="scroll"><table id="runs">
        <thead><tr>{Html.Join(new[] { Msg.ColRun, Msg.ColAt, Msg.ColActor, Msg.ColOther, Msg.ColPeriod, Msg.ColMatched, Msg.ColMissingInLedger, Msg.ColMissingInOther, Msg.ColMismatched, Msg.ColDuplicates, Msg.ColOpenedClosed }.Select(m => Html.Of($"<th scope=\"col\">{t[m]}</th>")))}</tr></thead>
        <tbody>{Html.Join(runs.Select(r => Html.Of($"""
            <tr data-run="{r.Id}"><td><a href="/reconcile/{r.Id}">{r.Id}</a></td><td>{r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)}</td><td>{r.Actor}</td><td>{r.RightName}</td><td>{(r.PeriodFrom is { } from ? $"{from:yyyy-MM-dd}..{r.PeriodTo:yyyy-MM-dd}" : "")}</td><td>{r.Matched}</td><td>{r.MissingInLedger}</td><td>{r.MissingInOther}</td><td>{r.Mismatched}</td><td>{r.Duplicates}</td><td>{r.Opened} / {r.Closed}</td></tr>
            """)))}</tbody>
        </table></div>
        """);

    private static Markup DifferencesTable(UiText t, IReadOnlyList<KeptDifference> differences) =>
        differences.Count == 0 ? Html.Of($"<p>{t[Msg.ReconcileNone]}</p>") : Html.Of($"""
            <div class="scroll"><table class="differences">
            <thead><tr>{Html.Join(new[] { Msg.Key, Msg.ColClass, Msg.ColDate, Msg.ColDetail, Msg.ColStatus }.Select(m => Html.Of($"<th scope=\"col\">{t[m]}</th>")))}</tr></thead>
            <tbody>{Html.Join(differences.Take(RowsShown).Select(d => Html.Of($"""
                <tr data-class="{d.Class}" data-open="{(d.IsOpen ? "true" : "false")}"><td>{TraceLink(d.Key)}</td><td>{ClassName(t, d.Class)}</td><td>{(d.IssueDate is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}</td><td>{d.Detail}</td><td>{(d.ClosedRun is { } closed ? t.Format(Msg.DifferenceClosed, d.OpenedRun, closed) : t.Format(Msg.DifferenceOpen, d.OpenedRun, d.LastSeenRun))}</td></tr>
                """)))}</tbody>
            </table></div>
            {Html.If(differences.Count > RowsShown, Html.Of($"<p class=\"hint\">… GET /api/v1/reconciliations</p>"))}
            """);

    private static string ClassName(UiText t, string differenceClass) => t.Language == UiLanguage.Zh
        ? differenceClass switch
        {
            DifferenceClasses.MissingInLedger => "账本缺失",
            DifferenceClasses.MissingInOther => "对方缺失",
            DifferenceClasses.Mismatched => "不一致",
            DifferenceClasses.Duplicate => "重复",
            _ => differenceClass,
        }
        : differenceClass;

    /// <summary>A key as a link to its trace; anything that is not key-shaped is shown as text.</summary>
    private static Markup TraceLink(string? key) =>
        key is not null && KeyText().IsMatch(key) ? Html.Of($"<a href=\"/trace?key={Uri.EscapeDataString(key)}\"><code>{key}</code></a>") : Html.Of($"<code>{key}</code>");

    public static async Task<IResult> PostAsync(UiRequest ui, LedgerService ledger, IFormFileCollection files, string? period, CancellationToken ct)
    {
        var t = ui.T;
        if (!ui.Caller!.Can(Permission.Reconcile))
        {
            return ui.Forbidden();
        }

        DatePeriod? range = null;
        var failure = files.Count == 0 ? t[Msg.UploadNoFiles] : null;
        if (failure is null && !string.IsNullOrWhiteSpace(period))
        {
            failure = DatePeriod.TryParse(period.Trim(), out var parsed) ? null : $"{Validation.ErrorCodes.ReconcilePeriod}: {period}";
            range = parsed;
        }

        if (failure is null)
        {
            var inputs = files.Select(f => new ReconInput(IngestApi.SafeName(f.FileName), f.OpenReadStream())).ToList();
            try
            {
                var (result, run) = await ledger.ReconcileAsync(ui.Caller, inputs, range, IngestApi.RowReaders, tempDirectory: null, ct).ConfigureAwait(false);
                return ui.Page(t.Format(Msg.ReconcileResult, run.Id), Html.Of($"""
                    <h1>{t.Format(Msg.ReconcileResult, run.Id)}</h1>
                    {Report(ui, result)}
                    <h2>{t[Msg.ReconcileTitle]}</h2>
                    {ReconcileForm(ui)}
                    """));
            }
            catch (ReconciliationException ex)
            {
                failure = $"{ex.Code}: {ex.Message}";
            }
            finally
            {
                inputs.ForEach(i => i.Content.Dispose());
            }
        }

        return ui.Page(t[Msg.ReconcileTitle], Html.Of($"""
            <h1>{t[Msg.ReconcileTitle]}</h1>
            <p role="alert" class="error">{t.Format(Msg.ReconcileFailed, failure)}</p>
            {ReconcileForm(ui)}
            """), StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> TraceAsync(UiRequest ui, LedgerService ledger, string? key, CancellationToken ct)
    {
        var t = ui.T;
        key = key?.Trim();
        var answer = Markup.Empty;
        if (!string.IsNullOrEmpty(key))
        {
            answer = KeyText().IsMatch(key)
                ? Explanations(ui, await ledger.TraceAsync(ui.Caller!, new TraceQuery(key), ct).ConfigureAwait(false))
                : Html.Of($"<div class=\"answer bad\" role=\"alert\" id=\"answer\"><p>{t[Msg.QueryBadFormat]}</p></div>");
        }

        return ui.Page(t[Msg.TraceTitle], Html.Of($"""
            <h1>{t[Msg.TraceTitle]}</h1>
            <p>{t[Msg.TraceIntro]}</p>
            <form method="get" action="/trace" class="stack">
            <label for="key">{t[Msg.Key]}</label>
            <input id="key" name="key" autocomplete="off" required maxlength="64" value="{key}">
            <button type="submit">{t[Msg.TraceSearch]}</button>
            </form>
            {answer}
            """));
    }

    private static Markup Explanations(UiRequest ui, TraceAnswer answer)
    {
        var t = ui.T;
        var items = answer.Explanations.Select((e, i) => Html.Of($"""
            <section class="explanation" data-cause="{e.Cause}">
            <h2>{(i == 0 ? t[Msg.TraceMostLikely] : t[Msg.TraceAlso])}: {CauseText(t, e.Cause)} <code>{e.Cause}</code></h2>
            <p>{Html.If(t.Language == UiLanguage.Zh, Html.Of($"<strong>{t[Msg.TraceDetail]}:</strong> "))}{e.Summary}</p>
            <p><strong>{t[Msg.TraceNext]}:</strong> {e.NextStep}</p>
            <h3>{t[Msg.TraceEvidence]}</h3>
            <ul>{Html.Join(e.Evidence.Select(x => Html.Of($"<li>{x.Cite}{(x.Source is null ? "" : " — " + x.Source)}{(x.At is { } at ? " — " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "")}: {x.Detail}{Html.If(x.Original is not null, Html.Of($" <span class=\"hint\">{t[Msg.TraceOriginal]}</span> <code>{x.Original}</code>"))}</li>")))}</ul>
            </section>
            """));
        return Html.Of($"""
            <div class="answer {(answer.Found ? "ok" : "bad")}" role="status" id="answer" data-cause="{answer.Explanations[0].Cause}">
            {Html.Join(items)}
            </div>
            """);
    }

    private static string CauseText(UiText t, string cause) => t[cause switch
    {
        TraceCauses.InLedger => Msg.CauseInLedger,
        TraceCauses.Conflict => Msg.CauseConflict,
        TraceCauses.Rejected => Msg.CauseRejected,
        TraceCauses.NotSubmitted => Msg.CauseNotSubmitted,
        TraceCauses.NotInOther => Msg.CauseNotInOther,
        TraceCauses.Differs => Msg.CauseDiffers,
        TraceCauses.Mistyped => Msg.CauseMistyped,
        TraceCauses.SameInvoiceOtherKey => Msg.CauseSameSellerDateTotal,
        _ => Msg.CauseNoTrace,
    }];

    private static Markup Report(UiRequest ui, ReconciliationResult r)
    {
        var t = ui.T;
        var zh = t.Language == UiLanguage.Zh;
        var tables = ReportRows.Tables(r).Select(table =>
        {
            var rows = table.Rows.Take(RowsShown + 1).ToList();
            return rows.Count == 0 ? Markup.Empty : Html.Of($"""
                <section class="recon-class" data-class="{table.Name}">
                <h2>{(zh ? table.Chinese : table.Name)}</h2>
                <div class="scroll"><table>
                <caption>{(zh ? table.Chinese : table.Name)}</caption>
                <thead><tr>{Html.Join(table.Header.Select(h => Html.Of($"<th scope=\"col\">{h}</th>")))}</tr></thead>
                <tbody>{Html.Join(rows.Take(RowsShown).Select(row => Html.Of($"<tr>{Html.Join(row.Select((c, i) => i == 0 ? Html.Of($"<td>{TraceLink(c)}</td>") : Html.Of($"<td>{c}</td>")))}</tr>")))}</tbody>
                </table></div>
                {Html.If(rows.Count > RowsShown, Html.Of($"<p class=\"hint\">… GET /api/v1/reconciliations</p>"))}
                </section>
                """);
        });
        return Html.Of($"""
            <div class="answer {(r.Agrees ? "ok" : "warn")}" role="status" id="answer" data-agrees="{(r.Agrees ? "true" : "false")}">
            <p>{r.Left.Name} / {r.Right.Name}</p>
            <p id="summary">{t.Format(Msg.ReconcileSummary, r.Matched, r.MissingInLedger.Count, r.MissingInOther.Count, r.Mismatched.Count, r.Duplicates.Count)}</p>
            {Html.If(r.Agrees, Html.Of($"<p>{t[Msg.ReconcileAgrees]}</p>"))}
            </div>
            {Html.Join(tables)}
            """);
    }

    private static Markup ReconcileForm(UiRequest ui)
    {
        var t = ui.T;
        return Html.Of($"""
            <form method="post" action="/reconcile" enctype="multipart/form-data" class="stack">
            {ui.TokenField()}
            <p id="reconcile-intro">{t[Msg.ReconcileIntro]}</p>
            <label for="files">{t[Msg.ReconcileFiles]}</label>
            <input id="files" name="files" type="file" multiple required aria-describedby="reconcile-intro">
            <label for="period">{t[Msg.Period]}</label>
            <input id="period" name="period" autocomplete="off" maxlength="40" aria-describedby="period-hint">
            <span class="hint" id="period-hint">{t[Msg.PeriodHint]}</span>
            <button type="submit">{t[Msg.ReconcileStart]}</button>
            </form>
            """);
    }
}
