using System.Reflection;
using System.Text.Json;
using Fapiao.Formats.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fapiao.Web.Api;

/// <summary>
/// A 200 response written straight to the body by one of the ledger's JSON writers (the same
/// writers as the CLI's <c>--json</c>), without an intermediate object model.
/// </summary>
internal sealed class JsonBody(Action<Utf8JsonWriter> write) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, CanonicalInvoiceJson.WriterOptions))
        {
            write(writer);
        }

        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
}

/// <summary>A response already made (an ingest's, kept for Idempotency-Key replays): status, type and bytes.</summary>
internal sealed class BytesBody(int status, string contentType, byte[] body, bool replayed) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = contentType;
        if (replayed)
        {
            httpContext.Response.Headers[ReplayedHeader] = "true";
        }

        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
