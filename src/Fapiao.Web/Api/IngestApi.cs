using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Formats;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Formats.Xlsx;
using Fapiao.Idempotency;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Originals;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Fapiao.Web.Api;

/// <summary>
/// <c>POST /api/v1/invoices</c> (one invoice, an array, or JSON Lines) and <c>POST /api/v1/files</c>
/// (multipart upload of any format <c>fapiao ingest</c> reads). Every item gets its outcome and, when
/// it is in the ledger, its receipt, exactly as a line of <c>fapiao ingest --results</c>; the answer
/// comes once every outcome is durable. Requests of many clients share the ledger's single group
/// commit writer, so they share fsyncs.
/// </summary>
internal static class IngestApi
{
    public const string NdJson = "application/x-ndjson";
    internal static readonly Dictionary<InputFormat, IInputRowReader> RowReaders = new() { [InputFormat.Xlsx] = new XlsxExportReader() };

    public static RouteGroupBuilder MapIngestApi(this RouteGroupBuilder api)
    {
        api.MapPost("/invoices", PostInvoicesAsync)
            .WithName("postInvoices").WithTags("invoices")
            .WithSummary("Submit invoices: one JSON object, an array of them, or JSON Lines (application/x-ndjson). Idempotency-Key supported.")
            .Accepts<JsonElement>("application/json", NdJson)
            .Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/json", NdJson)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/files", PostFilesAsync)
            .WithName("postFiles").WithTags("invoices")
            .WithSummary("Upload files (multipart/form-data, any number of parts with a filename): JSON, JSON Lines, QR text, XML, OFD, CSV, XLSX, PDF, PNG/JPEG. Idempotency-Key supported.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/json", NdJson)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostInvoicesAsync(HttpContext context, LedgerService ledger, IdempotentRequest idempotency, LedgerMetrics metrics, WebOptions options, BodyBudget budget)
    {
        var caller = context.Caller();
        var mediaType = MediaType(context.Request.ContentType);
        var format = mediaType switch
        {
            "application/json" => InputFormat.Json,
            NdJson or "application/jsonl" or "application/jsonlines" => InputFormat.JsonLines,
            _ => (InputFormat?)null,
        };
        if (format is null)
        {
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.RequestMediaType, "Unsupported media type",
                $"Send application/json (an invoice or an array) or {NdJson} (one invoice per line).");
        }

        var started = Stopwatch.GetTimestamp();
        using var lease = await budget.TakeAsync(context.Request.ContentLength ?? options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        return await idempotency.RunAsync(context, caller, body, async () =>
        {
            var reader = new SubmissionReader(ledger.Ledger.Validator);
            var submissions = reader.Read(new MemoryStream(body, writable: false), "api:" + context.TraceIdentifier, format.Value);
            var response = await IngestAsync(context, ledger, metrics, caller, submissions).ConfigureAwait(false);
            metrics.IngestTook("invoices", Stopwatch.GetElapsedTime(started));
            return response;
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> PostFilesAsync(HttpContext context, LedgerService ledger, IdempotentRequest idempotency, LedgerMetrics metrics, WebOptions options, BodyBudget budget)
    {
        var caller = context.Caller();
        if (MediaType(context.Request.ContentType) != "multipart/form-data"
            || HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value is not { Length: > 0 } boundary)
        {
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.RequestMediaType, "Unsupported media type",
                "Send multipart/form-data with one part per file (each with a filename).");
        }

        var started = Stopwatch.GetTimestamp();
        using var lease = await budget.TakeAsync(context.Request.ContentLength ?? options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        return await idempotency.RunAsync(context, caller, body, async () =>
        {
            var files = await ReadPartsAsync(body, boundary, context.RequestAborted).ConfigureAwait(false);
            var reader = new SubmissionReader(ledger.Ledger.Validator, RowReaders, FileReaders.All);
            // Each uploaded file is kept in the tenant's originals store (durable before any event names it).
            var originals = OriginalStore.In(options.DataDir, caller.Tenant);
            var submissions = files.SelectMany(f => reader.ReadKept(new MemoryStream(f.Bytes, writable: false), f.Name, InputFormat.Auto, originals));
            var response = await IngestAsync(context, ledger, metrics, caller, submissions).ConfigureAwait(false);
            metrics.IngestTook("files", Stopwatch.GetElapsedTime(started));
            return response;
        }).ConfigureAwait(false);
    }

    /// <summary>The file parts of a multipart body (parts without a filename are form fields and are skipped).</summary>
    private static async Task<List<(string Name, byte[] Bytes)>> ReadPartsAsync(byte[] body, string boundary, CancellationToken ct)
    {
        var files = new List<(string, byte[])>();
        var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false));
        try
        {
            while (await reader.ReadNextSectionAsync(ct).ConfigureAwait(false) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && (disposition.FileNameStar.Value ?? disposition.FileName.Value) is { Length: > 0 } fileName)
                {
                    using var memory = new MemoryStream();
                    await section.Body.CopyToAsync(memory, ct).ConfigureAwait(false);
                    files.Add((SafeName(HeaderUtilities.RemoveQuotes(fileName).Value ?? "upload"), memory.ToArray()));
                }
            }
        }
        catch (IOException ex)
        {
            throw new BadHttpRequestException("The multipart body is malformed: " + ex.Message, StatusCodes.Status400BadRequest);
        }

        return files;
    }

    /// <summary>The file's own name, without any folder a client sent, at most 200 characters.</summary>
    internal static string SafeName(string name)
    {
        var last = name.Replace('\\', '/').Split('/')[^1];
        last = new string(last.Where(c => !char.IsControl(c)).ToArray());
        return last.Length == 0 ? "upload" : last.Length > 200 ? last[..200] : last;
    }

    /// <summary>Submits every item (in chunks, all in flight at once) and writes the outcomes in input order.</summary>
    private static async Task<StoredResponse> IngestAsync(HttpContext context, LedgerService ledger, LedgerMetrics metrics, Caller caller, IEnumerable<Submission> submissions)
    {
        var pending = new List<Task<IReadOnlyList<IngestResult>>>();
        foreach (var chunk in submissions.Chunk(IngestRunner.ChunkSize))
        {
            pending.Add(ledger.IngestAsync(caller, chunk, wantReceipts: true, context.RequestAborted));
        }

        var summary = new IngestSummary();
        var results = new List<IngestResult>();
        foreach (var task in pending)
        {
            // Once queued, a chunk is committed even if the client goes away: wait for every outcome.
            var chunkResults = await task.ConfigureAwait(false);
            results.AddRange(chunkResults);
            foreach (var r in chunkResults)
            {
                summary.Add(r);
            }

            metrics.Count(caller.Tenant, chunkResults);
        }

        var lines = WantsLines(context.Request);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions))
        {
            if (lines)
            {
                foreach (var result in results)
                {
                    LedgerJson.WriteIngestResult(w, result);
                    w.Flush();
                    w.Reset();
                    buffer.Write("\n"u8);
                }
            }
            else
            {
                w.WriteStartObject();
                LedgerJson.WriteSummaryFields(w, summary);
                w.WriteStartArray("results");
                foreach (var result in results)
                {
                    LedgerJson.WriteIngestResult(w, result);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        return new StoredResponse(StatusCodes.Status200OK, lines ? NdJson + "; charset=utf-8" : JsonBody.ContentType, buffer.WrittenSpan.ToArray());
    }

    /// <summary>JSON Lines back when they were sent, or asked for with Accept; one JSON object otherwise.</summary>
    private static bool WantsLines(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains(NdJson, StringComparison.OrdinalIgnoreCase)
        || (MediaType(request.ContentType) is NdJson or "application/jsonl" or "application/jsonlines" && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase));

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
}
