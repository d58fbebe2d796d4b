using System.Security.Cryptography;
using System.Text;
using Fapiao.Accounts;
using Fapiao.Idempotency;
using Fapiao.Validation;
using Fapiao.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Api;

/// <summary>
/// The Idempotency-Key contract of the POST endpoints: the same key with the same request replays
/// the first response byte for byte (header Idempotent-Replayed: true); with another request it is
/// 422; while the first is still running, 409. Keys are per tenant and kept in the ledger's
/// database, so a retry to another process or after a restart is recognised too.
/// </summary>
internal sealed class IdempotentRequest(IIdempotencyStore store, WebOptions options)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>Runs <paramref name="handle"/> once per key and request; without the header, simply runs it.</summary>
    public Task<IResult> RunAsync(HttpContext context, Caller caller, byte[] body, Func<Task<StoredResponse>> handle) =>
        RunHashedAsync(context, caller, () => RequestHash(context.Request, body), handle);

    /// <summary>
    /// The same for a body that was streamed elsewhere (to temporary files) while hashed:
    /// <paramref name="bodySha256"/> is the SHA-256 of its bytes.
    /// </summary>
    public Task<IResult> RunStreamedAsync(HttpContext context, Caller caller, byte[] bodySha256, Func<Task<StoredResponse>> handle) =>
        RunHashedAsync(context, caller, () => RequestHash(context.Request, [.. "sha256:"u8, .. bodySha256]), handle);

    private async Task<IResult> RunHashedAsync(HttpContext context, Caller caller, Func<byte[]> requestHash, Func<Task<StoredResponse>> handle)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            var response = await handle().ConfigureAwait(false);
            return new BytesBody(response.Status, response.ContentType, response.Body, replayed: false);
        }

        if (key.Length > MaxKeyLength || !key.All(c => c is > ' ' and <= '~'))
        {
            return ApiProblems.Invalid($"The {Header} must be 1–{MaxKeyLength} visible ASCII characters.");
        }

        var hash = requestHash();
        var claim = await store.ClaimAsync(caller.Tenant, key, hash, options.Clock.GetUtcNow(), options.IdempotencyStaleAfter, context.RequestAborted).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Completed:
                var first = claim.Response!;
                return new BytesBody(first.Status, first.ContentType, first.Body, replayed: true);
            case ClaimOutcome.Mismatch:
                return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyMismatch, "Idempotency-Key reused",
                    $"The {Header} was used before with a different request; use a new key for a new request.");
            case ClaimOutcome.InFlight:
                return ApiProblems.Result(StatusCodes.Status409Conflict, ErrorCodes.IdempotencyInFlight, "Request in progress",
                    $"The first request with this {Header} is still running; retry later to get its response.");
        }

        StoredResponse result;
        try
        {
            result = await handle().ConfigureAwait(false);
        }
        catch
        {
            // Nothing was reported as done: the key is free for a retry.
            await store.ReleaseAsync(caller.Tenant, key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Kept even when the client has gone: its retry then gets this response.
        await store.CompleteAsync(caller.Tenant, key, result, CancellationToken.None).ConfigureAwait(false);
        return new BytesBody(result.Status, result.ContentType, result.Body, replayed: false);
    }

    /// <summary>What "the same request" means: method, path, content type and body.</summary>
    private static byte[] RequestHash(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.ContentType}\n"));
        sha.AppendData(body);
        return sha.GetHashAndReset();
    }
}
