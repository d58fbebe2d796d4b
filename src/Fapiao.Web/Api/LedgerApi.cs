using Fapiao.Accounts;
using Fapiao.Formats.Json;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Api;

/// <summary>The log itself: its latest signed checkpoint, consistency proofs between sizes, and the public key.</summary>
internal static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/checkpoint", CheckpointAsync)
            .WithName("getCheckpoint").WithTags("ledger")
            .WithSummary("The latest signed checkpoint (tree head) of the tenant's log.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/consistency", ConsistencyAsync)
            .WithName("getConsistency").WithTags("ledger")
            .WithSummary("The RFC 9162 consistency proof that the log at size 'to' (default: now) extends the log at size 'from'.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/key", Key)
            .WithName("getKey").WithTags("ledger")
            .WithSummary("The ledger's public key (PEM) that checkpoints and receipts verify with.");
        return api;
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> CheckpointAsync(HttpContext context, LedgerService ledger)
    {
        var view = await ledger.CheckpointAsync(context.Caller(), context.RequestAborted).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, ErrorCodes.CheckpointNone, "Not found", "The tenant's log is empty: nothing has been signed yet.");
        }

        return new JsonBody(w =>
        {
            w.WriteStartObject();
            LedgerJson.WriteCheckpointFields(w, view.Checkpoint);
            w.WriteEndObject();
        });
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ConsistencyAsync(HttpContext context, LedgerService ledger, long from, long? to = null)
    {
        var view = await ledger.ConsistencyAsync(context.Caller(), from, to, context.RequestAborted).ConfigureAwait(false);
        return view is null
            ? ApiProblems.Invalid("Need 1 ≤ from ≤ to ≤ the log's size (see GET /api/v1/checkpoint).")
            : new JsonBody(w => LedgerJson.WriteConsistency(w, view));
    }

    private static JsonBody Key(HttpContext context, LedgerService ledger)
    {
        if (!context.Caller().Can(Permission.Read))
        {
            throw new AccessDeniedException(Permission.Read);
        }

        var pem = ledger.PublicKeyPem().TrimEnd() + "\n";
        return new JsonBody(w =>
        {
            w.WriteStartObject();
            w.WriteString("algorithm", "ECDSA P-256 SHA-256");
            w.WriteString("publicKey", pem);
            w.WriteEndObject();
        });
    }
}
