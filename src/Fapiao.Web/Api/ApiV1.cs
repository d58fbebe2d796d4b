using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fapiao.Web.Api;

/// <summary>
/// REST API v1 under <c>/api/v1</c>: every route needs a caller (API key, or a browser session for
/// reading), is rate-limited per tenant, and answers errors as problem details. Programs send no
/// antiforgery token: a session cookie cannot change data here (see CallerScopeMiddleware).
/// </summary>
internal static class ApiV1
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization()
            .RequireRateLimiting(WebHost.TenantLimiter)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapIngestApi();
        api.MapInvoicesApi();
        api.MapLedgerApi();
        api.MapQuarantineApi();
        api.MapReconciliationApi();
        return app;
    }

    public static IServiceCollection AddApiV1(this IServiceCollection services) => services
        .AddSingleton<IdempotentRequest>()
        .AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<WebOptions>();
            return new BodyBudget(Math.Max(options.BodyBudgetBytes, options.MaxBodyBytes));
        });
}
