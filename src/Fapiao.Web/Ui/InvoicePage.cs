using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Ui;

/// <summary>
/// One invoice: every field, its lines, state, history of events and warnings, the receipt
/// download, and the proof check that verify.js runs in the browser (the page works without it).
/// </summary>
internal static class InvoicePage
{
    public static async Task<IResult> ShowAsync(UiRequest ui, LedgerService ledger, string key, CancellationToken ct)
    {
        var t = ui.T;
        if (!InvoiceKey.TryParse(key, out var parsed) || await ledger.ShowAsync(ui.Caller!, parsed, ct).ConfigureAwait(false) is not { } view)
        {
            return ui.NotFound();
        }

        var invoice = view.Invoice;
        var record = view.Record;
        var keyText = parsed.ToString();
        var receiptUrl = "/invoices/" + Uri.EscapeDataString(keyText) + "/receipt";
        var redLetter = invoice.RedLetterOf is { } blue
            ? Html.Of($"<dt>{t[Msg.RedLetterOf]}</dt><dd><a href=\"/invoices/{Uri.EscapeDataString(blue.ToString())}\"><code>{blue}</code></a></dd>")
            : Markup.Empty;
        var reversed = record.ReversedTotal != 0
            ? Html.Of($"<dt>{t[Msg.Reversed]}</dt><dd>{Money(record.ReversedAmount)} / {Money(record.ReversedTax)} / {Money(record.ReversedTotal)}</dd>")
            : Markup.Empty;
        return ui.Page(t.Format(Msg.InvoiceTitle, keyText), Html.Of($"""
            <h1>{t.Format(Msg.InvoiceTitle, keyText)}</h1>
            <p class="state state-{record.State.ToText()}" id="state" data-state="{record.State.ToText()}">{t.Format(Msg.StateIs, ui.StateName(record.State))}</p>
            <section aria-labelledby="fields-h"><h2 id="fields-h">{t[Msg.Fields]}</h2>
            <dl class="facts">
            <dt>{t[Msg.Key]}</dt><dd><code>{keyText}</code></dd>
            <dt>{t[Msg.Type]}</dt><dd>{invoice.Type}</dd>
            <dt>{t[Msg.IssueDate]}</dt><dd>{invoice.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</dd>
            {PartyFacts(t, Msg.Seller, invoice.Seller)}
            {PartyFacts(t, Msg.Buyer, invoice.Buyer)}
            <dt>{t[Msg.Amount]}</dt><dd class="num">{Money(invoice.Amount)}</dd>
            <dt>{t[Msg.Tax]}</dt><dd class="num">{Money(invoice.Tax)}</dd>
            <dt>{t[Msg.Total]}</dt><dd class="num">{Money(invoice.Total)}</dd>
            <dt>{t[Msg.CheckCode]}</dt><dd>{invoice.CheckCode ?? "—"}</dd>
            <dt>{t[Msg.Remarks]}</dt><dd class="pre">{invoice.Remarks ?? "—"}</dd>
            {redLetter}
            {reversed}
            </dl>
            </section>
            {Lines(t, invoice.Lines)}
            <section aria-labelledby="warn-h"><h2 id="warn-h">{t[Msg.Warnings]}</h2>
            {(record.Warnings.Count == 0 ? Html.Of($"<p>{t[Msg.NoWarnings]}</p>") : ui.ProblemTable(record.Warnings, t[Msg.Warnings]))}
            </section>
            <section aria-labelledby="hist-h"><h2 id="hist-h">{t[Msg.History]}</h2>
            <div class="scroll"><table id="history">
            <caption>{t[Msg.History]}</caption>
            <thead><tr><th scope="col">{t[Msg.EventIndex]}</th><th scope="col">{t[Msg.EventKind]}</th><th scope="col">{t[Msg.EventAt]}</th></tr></thead>
            <tbody>{Html.Join(view.Events.Select(e => Html.Of($"<tr><td class=\"num\">{e.Index}</td><td>{e.Kind}</td><td>{e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</td></tr>")))}</tbody>
            </table></div>
            </section>
            <section aria-labelledby="proof-h"><h2 id="proof-h">{t[Msg.ProofTitle]}</h2>
            <p id="proof" role="status" data-state="unchecked" data-receipt="{receiptUrl}" data-key="{keyText}" data-tenant="{ui.Caller!.Tenant}"
               data-checking="{t[Msg.ProofChecking]}" data-verified="{t[Msg.ProofVerified]}" data-failed="{t[Msg.ProofFailed]}" data-unavailable="{t[Msg.ProofUnavailable]}">{t[Msg.ProofNeedsScript]}</p>
            <p><a href="{receiptUrl}" download="receipt-{keyText}.json" id="receipt-link">{t[Msg.DownloadReceipt]}</a></p>
            <details><summary>{t[Msg.PublicKey]}</summary><pre id="public-key">{ledger.PublicKeyPem()}</pre></details>
            </section>
            <section aria-labelledby="orig-h" id="original"><h2 id="orig-h">{t[Msg.OriginalFile]}</h2>
            <p>{t[Msg.OriginalFileNotYet]}</p>
            </section>
            """), withScript: true);
    }

    /// <summary>The receipt as a JSON file download (the same JSON as <c>GET /api/v1/invoices/{key}/receipt</c>).</summary>
    public static async Task<IResult> ReceiptAsync(UiRequest ui, LedgerService ledger, string key, CancellationToken ct)
    {
        if (!InvoiceKey.TryParse(key, out var parsed) || await ledger.ReceiptAsync(ui.Caller!, parsed, ct).ConfigureAwait(false) is not { } receipt)
        {
            return ui.NotFound();
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions))
        {
            ReceiptJson.Write(w, receipt);
        }

        return Results.File(buffer.WrittenSpan.ToArray(), "application/json", $"receipt-{parsed}.json");
    }

    private static Markup PartyFacts(UiText t, Msg role, Party? party) => Html.Of($"""
        <dt>{t[role]} · {t[Msg.Name]}</dt><dd>{party?.Name ?? "—"}</dd>
        <dt>{t[role]} · {t[Msg.TaxId]}</dt><dd><code>{party?.TaxId ?? "—"}</code></dd>
        """);

    private static Markup Lines(UiText t, IReadOnlyList<InvoiceLine>? lines)
    {
        if (lines is not { Count: > 0 })
        {
            return Html.Of($"<section aria-labelledby=\"lines-h\"><h2 id=\"lines-h\">{t[Msg.Lines]}</h2><p>{t[Msg.NoLines]}</p></section>");
        }

        return Html.Of($"""
            <section aria-labelledby="lines-h"><h2 id="lines-h">{t[Msg.Lines]}</h2>
            <div class="scroll"><table id="lines">
            <caption>{t[Msg.Lines]}</caption>
            <thead><tr><th scope="col">{t[Msg.LineName]}</th><th scope="col">{t[Msg.LineSpec]}</th><th scope="col">{t[Msg.LineUnit]}</th><th scope="col">{t[Msg.Quantity]}</th><th scope="col">{t[Msg.UnitPrice]}</th><th scope="col">{t[Msg.Amount]}</th><th scope="col">{t[Msg.TaxRate]}</th><th scope="col">{t[Msg.Tax]}</th></tr></thead>
            <tbody>{Html.Join(lines.Select(l => Html.Of($"<tr><td>{l.Name}</td><td>{l.Spec}</td><td>{l.Unit}</td><td class=\"num\">{Number(l.Quantity)}</td><td class=\"num\">{Number(l.UnitPrice)}</td><td class=\"num\">{Money(l.Amount)}</td><td>{l.TaxRate}</td><td class=\"num\">{Money(l.Tax)}</td></tr>\n")))}</tbody>
            </table></div>
            </section>
            """);
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("#,##0.00", CultureInfo.InvariantCulture) : "—";

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.############", CultureInfo.InvariantCulture) : "";
}
