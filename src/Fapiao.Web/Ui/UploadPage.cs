using Fapiao.Accounts;
using Fapiao.Formats;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Originals;
using Fapiao.Web.Api;
using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Ui;

/// <summary>
/// The upload page: several files at once (multipart, with the antiforgery token), ingested by the
/// same use case as <c>POST /api/v1/files</c>, answered with every file's outcomes.
/// </summary>
internal static class UploadPage
{
    public static IResult Form(UiRequest ui)
    {
        var t = ui.T;
        if (!ui.Caller!.Can(Permission.Submit))
        {
            return NotAllowed(ui);
        }

        return ui.Page(t[Msg.UploadTitle], Html.Of($"""
            <h1>{t[Msg.UploadTitle]}</h1>
            {UploadForm(ui)}
            """));
    }

    public static async Task<IResult> PostAsync(UiRequest ui, LedgerService ledger, LedgerMetrics metrics, WebOptions options, IFormFileCollection files, CancellationToken ct)
    {
        var t = ui.T;
        var caller = ui.Caller!;
        if (!caller.Can(Permission.Submit))
        {
            return NotAllowed(ui);
        }

        if (files.Count == 0)
        {
            return ui.Page(t[Msg.UploadTitle], Html.Of($"""
                <h1>{t[Msg.UploadTitle]}</h1>
                <p role="alert" class="error">{t[Msg.UploadNoFiles]}</p>
                {UploadForm(ui)}
                """), StatusCodes.Status400BadRequest);
        }

        // Every file's chunks go in flight at once, so they share the writer's group commits.
        var reader = new SubmissionReader(ledger.Ledger.Validator, IngestApi.RowReaders, FileReaders.All);
        var pending = new List<(string Name, List<Task<IReadOnlyList<IngestResult>>> Chunks)>();
        foreach (var file in files)
        {
            var name = IngestApi.SafeName(file.FileName);
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct).ConfigureAwait(false);
            memory.Position = 0;
            // The file is kept in the tenant's originals store before any event names it, as through the API and the CLI.
            var chunks = reader.ReadKept(memory, name, InputFormat.Auto, OriginalStore.In(options.DataDir, caller.Tenant))
                .Chunk(IngestRunner.ChunkSize)
                .Select(chunk => ledger.IngestAsync(caller, chunk, wantReceipts: false, ct))
                .ToList();
            pending.Add((name, chunks));
        }

        var sections = new List<Markup>();
        foreach (var (name, chunks) in pending)
        {
            var results = new List<IngestResult>();
            foreach (var chunk in chunks)
            {
                // Once queued, a chunk is committed even if the browser goes away: wait for every outcome.
                var done = await chunk.ConfigureAwait(false);
                metrics.Count(caller.Tenant, done);
                results.AddRange(done);
            }

            sections.Add(FileResults(ui, name, results));
        }

        return ui.Page(t[Msg.UploadResults], Html.Of($"""
            <h1>{t[Msg.UploadResults]}</h1>
            {Html.Join(sections)}
            <h2>{t[Msg.UploadTitle]}</h2>
            {UploadForm(ui)}
            """));
    }

    private static Markup FileResults(UiRequest ui, string name, IReadOnlyList<IngestResult> results)
    {
        var t = ui.T;
        var rows = results.Select(r =>
        {
            var key = r.Key is { } k && r.Outcome is IngestOutcome.Accepted or IngestOutcome.Duplicate or IngestOutcome.Enriched
                ? Html.Of($"<a href=\"/invoices/{Uri.EscapeDataString(k)}\"><code>{k}</code></a>")
                : Html.Of($"<code>{r.Key ?? "—"}</code>");
            var quarantined = r.QuarantineId is { } id ? Html.Of($" <a href=\"/quarantine/{id}\">#{id}</a>") : Markup.Empty;
            var problems = Html.Join(r.Problems.Select(p => Html.Of($"<li><code>{p.Code}</code> <code>{p.Field}</code> {ui.ProblemMessage(p)}</li>")));
            return Html.Of($"""
                <tr data-outcome="{r.Outcome.ToText()}"><td><code>{r.Source}</code></td><td>{key}</td><td class="outcome-{r.Outcome.ToText()}">{ui.OutcomeName(r.Outcome)}{quarantined}</td><td>{Html.If(r.Problems.Count > 0, Html.Of($"<ul class=\"problems\">{problems}</ul>"))}</td></tr>
                """);
        });
        return Html.Of($"""
            <section class="file-result">
            <h2><span class="hint">{t[Msg.File]}</span> <code>{name}</code></h2>
            <p>{t.Format(Msg.Items, results.Count)}</p>
            <div class="scroll"><table>
            <caption>{name}</caption>
            <thead><tr><th scope="col">{t[Msg.Source]}</th><th scope="col">{t[Msg.Key]}</th><th scope="col">{t[Msg.Outcome]}</th><th scope="col">{t[Msg.Problems]}</th></tr></thead>
            <tbody>{Html.Join(rows)}</tbody>
            </table></div>
            </section>
            """);
    }

    private static Markup UploadForm(UiRequest ui)
    {
        var t = ui.T;
        return Html.Of($"""
            <form method="post" action="/upload" enctype="multipart/form-data" class="stack">
            {ui.TokenField()}
            <p id="upload-intro">{t[Msg.UploadIntro]}</p>
            <label for="files">{t[Msg.ChooseFiles]}</label>
            <input id="files" name="files" type="file" multiple required aria-describedby="upload-intro">
            <button type="submit">{t[Msg.Upload]}</button>
            </form>
            """);
    }

    private static IResult NotAllowed(UiRequest ui) => ui.Page(ui.T[Msg.UploadTitle], Html.Of($"""
        <h1>{ui.T[Msg.UploadTitle]}</h1>
        <p role="alert" class="error" id="not-allowed">{ui.T.Format(Msg.UploadNotAllowed, ui.RoleName())}</p>
        <p><a href="/">{ui.T[Msg.BackHome]}</a></p>
        """), StatusCodes.Status403Forbidden);
}
