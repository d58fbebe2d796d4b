using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fapiao.Accounts;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Idempotency;
using Fapiao.Reconciliation;
using Fapiao.Tracing;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Fapiao.Web.Api;

/// <summary>
/// Reconciliation and trace over HTTP, the same use cases as <c>fapiao reconcile --against</c>,
/// <c>reconcile history</c> and <c>fapiao trace</c>, always in the caller's tenant:
/// <c>POST /api/v1/reconciliations</c> (multipart export files, optional <c>period</c> field; the run
/// is kept), <c>GET /api/v1/reconciliations</c>, <c>GET /api/v1/reconciliations/{id}</c> and
/// <c>GET /api/v1/trace/{key}</c>. Uploaded files are streamed to temporary files (deleted when
/// closed), never held in memory; the body is bounded by <c>--max-body</c> and takes its share of the
/// body budget like an ingest.
/// </summary>
internal static partial class ReconciliationApi
{
    private const int MaxFieldLength = 100;

    [GeneratedRegex("^[0-9A-Za-z-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyText();

    public static RouteGroupBuilder MapReconciliationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/reconciliations", PostAsync)
            .WithName("postReconciliation").WithTags("reconciliation")
            .WithSummary("Reconcile the ledger with export files (multipart/form-data: one or more file parts, CSV, XLSX or JSON Lines; optional field 'period' FROM..TO). The run is kept; the answer is fapiao reconcile --json with its run id. Idempotency-Key supported.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces(StatusCodes.Status200OK, typeof(System.Text.Json.JsonElement), "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/reconciliations", ListAsync)
            .WithName("listReconciliations").WithTags("reconciliation")
            .WithSummary("The reconciliation runs kept, newest first, and the differences still open (fapiao reconcile history --json).");
        api.MapGet("/reconciliations/{id}", ShowAsync)
            .WithName("getReconciliation").WithTags("reconciliation")
            .WithSummary("One run: its counts, and the differences it opened or closed, each open or closed now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/trace/{key}", TraceAsync)
            .WithName("trace").WithTags("reconciliation")
            .WithSummary("Where is my invoice? Every explanation the evidence supports, most likely first (fapiao trace --json). Optional date (YYYY-MM-DD), seller, total find the same invoice under another key.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> PostAsync(HttpContext context, LedgerService ledger, WebOptions options, BodyBudget budget, IdempotentRequest idempotency)
    {
        var caller = context.Caller();
        if (!caller.Can(Permission.Reconcile))
        {
            // Refused before a byte of the upload is read.
            throw new AccessDeniedException(Permission.Reconcile);
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.RequestMediaType, "Unsupported media type",
                "Send multipart/form-data with one part per export file (each with a filename) and optionally a field 'period'.");
        }

        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            throw RequestBody.TooLarge(options.MaxBodyBytes);
        }

        using var lease = await budget.TakeAsync(context.Request.ContentLength ?? options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        using var upload = new Upload();
        // Hashed as it streams into temporary files, for the Idempotency-Key: a retried upload is not a second run.
        await using var body = new HashingReadStream(context.Request.Body);
        await upload.ReadAsync(body, boundary, context.RequestAborted).ConfigureAwait(false);
        var bodySha256 = await body.FinishAsync(context.RequestAborted).ConfigureAwait(false);
        if (upload.Files.Count == 0)
        {
            return ApiProblems.Invalid("Send at least one export file (a multipart part with a filename).");
        }

        DatePeriod? period = null;
        if (upload.Period is { } text)
        {
            if (!DatePeriod.TryParse(text, out var parsed))
            {
                return ApiProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.ReconcilePeriod, "Invalid period",
                    $"\"{text}\" is not a period: use FROM..TO with days (2024-05-01..2024-05-31) or months (2024-05..2024-06).");
            }

            period = parsed;
        }

        try
        {
            return await idempotency.RunStreamedAsync(context, caller, bodySha256, async () =>
            {
                var (result, run) = await ledger.ReconcileAsync(caller, upload.Files, period, IngestApi.RowReaders, tempDirectory: null, context.RequestAborted).ConfigureAwait(false);
                var buffer = new ArrayBufferWriter<byte>();
                await using (var writer = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions))
                {
                    ReconciliationJson.Write(writer, result, run.Id);
                }

                return new StoredResponse(StatusCodes.Status200OK, JsonBody.ContentType, buffer.WrittenSpan.ToArray());
            }).ConfigureAwait(false);
        }
        catch (ReconciliationException ex)
        {
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, ex.Code, "Not an export", ex.Message);
        }
    }

    private static async Task<JsonBody> ListAsync(HttpContext context, LedgerService ledger)
    {
        var (runs, open) = await ledger.ReconciliationsAsync(context.Caller(), context.RequestAborted).ConfigureAwait(false);
        return new JsonBody(w => ReconciliationRunJson.WriteHistory(w, runs, open));
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ShowAsync(string id, HttpContext context, LedgerService ledger)
    {
        var caller = context.Caller();
        if (!caller.Can(Permission.Reconcile))
        {
            // A role without the permission is refused whatever the id, so 404 never answers it.
            throw new AccessDeniedException(Permission.Reconcile);
        }

        var found = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await ledger.ReconciliationAsync(caller, number, context.RequestAborted).ConfigureAwait(false)
            : null;
        return found is not { } run
            ? ApiProblems.Result(StatusCodes.Status404NotFound, ErrorCodes.ReconciliationNotFound, "Not found", $"There is no reconciliation run {id} in this tenant.")
            : new JsonBody(w => ReconciliationRunJson.WriteRunWithDifferences(w, run.Run, run.Differences));
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> TraceAsync(string key, HttpContext context, LedgerService ledger, string? date = null, string? seller = null, string? total = null)
    {
        if (!KeyText().IsMatch(key))
        {
            return ApiProblems.Invalid("Not an invoice key: use the 20-digit number of a 数电 invoice, or CODE-NUMBER for a legacy one.");
        }

        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return ApiProblems.Invalid("date: use YYYY-MM-DD.");
            }

            day = parsed;
        }

        decimal? money = null;
        if (total is not null)
        {
            if (!Amounts.TryParseMoney(total, out var value))
            {
                return ApiProblems.Invalid("total: not an amount.");
            }

            money = value;
        }

        if (seller is { Length: > 64 })
        {
            return ApiProblems.Invalid("seller: a tax ID is at most 64 characters.");
        }

        var answer = await ledger.TraceAsync(context.Caller(), new TraceQuery(key, day, seller, money), context.RequestAborted).ConfigureAwait(false);
        return new JsonBody(w => TraceJson.Write(w, answer));
    }

    /// <summary>The file parts of a multipart upload, each in a temporary file deleted when closed, and the 'period' field.</summary>
    private sealed class Upload : IDisposable
    {
        private readonly List<ReconInput> files = [];

        public IReadOnlyList<ReconInput> Files => files;

        public string? Period { get; private set; }

        public async Task ReadAsync(Stream body, string boundary, CancellationToken ct)
        {
            // Kestrel refuses a body past --max-body (413) as it is read; the content length was checked before.
            var reader = new MultipartReader(boundary, body);
            try
            {
                while (await reader.ReadNextSectionAsync(ct).ConfigureAwait(false) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    {
                        continue;
                    }

                    if ((disposition.FileNameStar.Value ?? disposition.FileName.Value) is { Length: > 0 } fileName)
                    {
                        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                        files.Add(new ReconInput(IngestApi.SafeName(HeaderUtilities.RemoveQuotes(fileName).Value ?? "upload"), temp));
                        await section.Body.CopyToAsync(temp, ct).ConfigureAwait(false);
                        temp.Position = 0;
                    }
                    else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value == "period")
                    {
                        using var field = new StreamReader(section.Body);
                        var buffer = new char[MaxFieldLength + 1];
                        var read = await field.ReadBlockAsync(buffer, ct).ConfigureAwait(false);
                        if (read > MaxFieldLength)
                        {
                            throw new BadHttpRequestException($"The field 'period' is longer than {MaxFieldLength} characters.", StatusCodes.Status400BadRequest);
                        }

                        Period = new string(buffer, 0, read).Trim();
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
            {
                throw new BadHttpRequestException("The multipart body is malformed: " + ex.Message, StatusCodes.Status400BadRequest);
            }
        }

        public void Dispose() => files.ForEach(f => f.Content.Dispose());
    }
}
