using System.Diagnostics;
using Fapiao.Web.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fapiao.Web.Hosting;

/// <summary>
/// One structured log line per request (method, path without the query, status, milliseconds,
/// tenant, actor) inside a scope with the request id, which is also sent back as X-Request-Id.
/// The query string is never logged (it may hold tax IDs), nor any header (the API key is one).
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public const string RequestIdHeader = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var caller = context.User.FindCaller();
            logger.LogInformation("{Method} {Path} {Status} in {Milliseconds:0.0} ms, tenant {Tenant}, actor {Actor}",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, caller?.Tenant ?? "-", caller?.Actor ?? "-");
        }
    }
}
