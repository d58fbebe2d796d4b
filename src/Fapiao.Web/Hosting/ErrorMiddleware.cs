using Fapiao.Accounts;
using Fapiao.Validation;
using Fapiao.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fapiao.Web.Hosting;

/// <summary>
/// Turns what escapes an endpoint into problem details: a role that may not do it is 403, a
/// request Kestrel refused (body too large, a bad form or antiforgery token) keeps its status, and
/// anything else is a 500 that says nothing of its cause to the client (the log has the type).
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (AccessDeniedException ex) when (!context.Response.HasStarted)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.AuthForbidden, "Forbidden", ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var (code, title) = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? (ErrorCodes.RequestTooLarge, "Request body too large")
                : (ErrorCodes.RequestInvalid, "Invalid request");
            await ApiProblems.WriteAsync(context, ex.StatusCode, code, title, ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError("Request failed: {ExceptionType}", ex.GetType().FullName);
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.ServerError, "Server error",
                "The service failed to handle the request. Nothing was reported as done that was not; retry later.").ConfigureAwait(false);
        }
    }
}
