using Fapiao.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fapiao.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers and the last background
/// verification did not fail (503 otherwise), with that verification's time and result.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithTags("health").WithSummary("Liveness: the process answers.").AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync)
            .WithTags("health").WithSummary("Readiness: the store answers and the last background verify did not fail.").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<ReadyStatus>, JsonHttpResult<ReadyStatus>>> ReadyAsync(ILedgerStore store, LedgerWatcher watcher, WebOptions options, CancellationToken ct)
    {
        string storeState;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.ListTenantsAsync(timeout.Token).ConfigureAwait(false);
            storeState = "ok";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            storeState = "unreachable";
        }

        var last = watcher.LastVerify;
        var verify = new VerifyStatus(
            last is null ? (options.VerifyInBackground ? "pending" : "off") : last.Ok ? "ok" : "failed",
            last?.At, last?.FailedTenant, last?.Failure);
        var status = new ReadyStatus(storeState == "ok" && last?.Ok != false ? "ready" : "not ready", storeState, verify);
        return status.Status == "ready"
            ? TypedResults.Ok(status)
            : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthStatus(string Status);

    internal sealed record ReadyStatus(string Status, string Store, VerifyStatus Verify);

    internal sealed record VerifyStatus(string State, DateTimeOffset? At, string? FailedTenant, string? Failure);
}
