using System.Globalization;
using Fapiao.Accounts;
using Fapiao.Formats.Json;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Api;

/// <summary>Refused submissions: pages of the list (without their bytes) and one item with its bytes and every problem.</summary>
internal static class QuarantineApi
{
    public static RouteGroupBuilder MapQuarantineApi(this RouteGroupBuilder api)
    {
        api.MapGet("/quarantine", ListAsync)
            .WithName("listQuarantine").WithTags("quarantine")
            .WithSummary("Quarantined submissions in id order; follow 'next' (the cursor) for the next page.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/quarantine/{id}", ShowAsync)
            .WithName("getQuarantineItem").WithTags("quarantine")
            .WithSummary("One quarantined submission: its bytes as kept, and every problem.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ListAsync(HttpContext context, LedgerService ledger, string? cursor = null, int? limit = null)
    {
        long after = 0;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return ApiProblems.Invalid("The cursor is not one this API gave out.");
        }

        if (limit is < 1 or > LedgerService.MaxPageSize)
        {
            return ApiProblems.Invalid($"limit is 1–{LedgerService.MaxPageSize}.");
        }

        var size = limit ?? InvoicesApi.DefaultPageSize;
        var rows = await ledger.QuarantineAsync(context.Caller(), after, size + 1, context.RequestAborted).ConfigureAwait(false);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new JsonBody(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var item in page)
            {
                LedgerJson.WriteQuarantineItem(w, item, includeRaw: false);
            }

            w.WriteEndArray();
            w.WriteString("next", next);
            w.WriteEndObject();
        });
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ShowAsync(string id, HttpContext context, LedgerService ledger)
    {
        var caller = context.Caller();
        var item = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await ledger.QuarantineItemAsync(caller, number, context.RequestAborted).ConfigureAwait(false)
            : null;
        return item is null
            ? ApiProblems.Result(StatusCodes.Status404NotFound, ErrorCodes.QuarantineNotFound, "Not found", $"There is no quarantine item {id} in this tenant.")
            : new JsonBody(w => LedgerJson.WriteQuarantineItem(w, item, includeRaw: true));
    }
}
