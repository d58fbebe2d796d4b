using System.Text;
using Fapiao.Accounts;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Storage;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Api;

/// <summary>
/// Reading invoices: one invoice (as <c>fapiao show --json</c>), its receipt (as <c>fapiao receipt</c>),
/// and pages of the list (as <c>fapiao list --json</c>) in key order with an opaque cursor.
/// </summary>
internal static class InvoicesApi
{
    public const int DefaultPageSize = 100;

    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/invoices/{key}", ShowAsync)
            .WithName("getInvoice").WithTags("invoices")
            .WithSummary("One invoice: every field, state, warnings, content hash and its events.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/invoices/{key}/receipt", ReceiptAsync)
            .WithName("getReceipt").WithTags("invoices")
            .WithSummary("The invoice's receipt: its event, inclusion proof and the signed checkpoint (verify offline with fapiao verify-receipt).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/invoices", ListAsync)
            .WithName("listInvoices").WithTags("invoices")
            .WithSummary("Invoices in key order, filtered; follow 'next' (the cursor) for the next page.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ShowAsync(string key, HttpContext context, LedgerService ledger)
    {
        if (!InvoiceKey.TryParse(key, out var invoiceKey))
        {
            return InvalidKey(key);
        }

        var view = await ledger.ShowAsync(context.Caller(), invoiceKey, context.RequestAborted).ConfigureAwait(false);
        return view is null ? ApiProblems.InvoiceNotFound(invoiceKey.ToString()) : new JsonBody(w => LedgerJson.WriteInvoiceView(w, view));
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ReceiptAsync(string key, HttpContext context, LedgerService ledger)
    {
        if (!InvoiceKey.TryParse(key, out var invoiceKey))
        {
            return InvalidKey(key);
        }

        var receipt = await ledger.ReceiptAsync(context.Caller(), invoiceKey, context.RequestAborted).ConfigureAwait(false);
        return receipt is null ? ApiProblems.InvoiceNotFound(invoiceKey.ToString()) : new JsonBody(w => ReceiptJson.Write(w, receipt));
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ListAsync(
        HttpContext context, LedgerService ledger,
        string? seller = null, string? buyer = null, string? from = null, string? to = null, string? state = null, string? cursor = null, int? limit = null)
    {
        InvoiceState? stateFilter = null;
        if (state is not null)
        {
            if (!InvoiceStates.TryParse(state, out var parsed))
            {
                return ApiProblems.Invalid($"Unknown state \"{state}\": use normal, partially-reversed, reversed or voided.");
            }

            stateFilter = parsed;
        }

        if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
        {
            return ApiProblems.Invalid("from and to are dates: YYYY-MM-DD.");
        }

        string? after = null;
        if (cursor is not null && !TryDecodeCursor(cursor, out after))
        {
            return ApiProblems.Invalid("The cursor is not one this API gave out.");
        }

        if (limit is < 1 or > LedgerService.MaxPageSize)
        {
            return ApiProblems.Invalid($"limit is 1–{LedgerService.MaxPageSize}.");
        }

        var size = limit ?? DefaultPageSize;
        var query = new InvoiceQuery(seller, buyer, fromDate, toDate, stateFilter, after, size + 1);
        var rows = await ledger.ListAsync(context.Caller(), query, context.RequestAborted).ConfigureAwait(false);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? EncodeCursor(page[^1].Key) : null;
        return new JsonBody(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var row in page)
            {
                LedgerJson.WriteInvoiceRow(w, row);
            }

            w.WriteEndArray();
            w.WriteString("next", next);
            w.WriteEndObject();
        });
    }

    private static ProblemHttpResult InvalidKey(string key) =>
        ApiProblems.Invalid($"\"{key}\" is not an invoice key: the 20-digit number of a 数电 invoice, or CODE-NUMBER for a legacy one.");

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (!IssueDates.TryParseIsoDate(text, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>The cursor is the last key of the page, base64url: opaque to clients, checked when it comes back.</summary>
    private static string EncodeCursor(string key) => Base64Url(Encoding.UTF8.GetBytes(key));

    private static bool TryDecodeCursor(string cursor, out string? key)
    {
        key = null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - cursor.Length % 4) % 4)));
            if (!InvoiceKey.TryParse(text, out _))
            {
                return false;
            }

            key = text;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
