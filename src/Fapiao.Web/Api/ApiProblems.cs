using Fapiao.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fapiao.Web.Api;

/// <summary>RFC 9457 problem details carrying the ledger's stable error codes (docs/error-codes.md, "HTTP API").</summary>
internal static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Details(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Type = "urn:fapiao:problem:" + code, Title = title, Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemHttpResult Result(int status, string code, string title, string detail) =>
        TypedResults.Problem(Details(status, code, title, detail));

    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Details(status, code, title, detail), (System.Text.Json.JsonSerializerOptions?)null, ContentType, context.RequestAborted);
    }

    public static ProblemHttpResult InvoiceNotFound(string key) =>
        Result(StatusCodes.Status404NotFound, ErrorCodes.InvoiceNotFound, "Not found", "There is no invoice with this key in the tenant's ledger.");

    public static ProblemHttpResult Invalid(string detail) =>
        Result(StatusCodes.Status400BadRequest, ErrorCodes.RequestInvalid, "Invalid request", detail);
}
