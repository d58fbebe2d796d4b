namespace Fapiao.Idempotency;

/// <summary>
/// The idempotency port: one record per (tenant, Idempotency-Key), kept in the ledger's database
/// so that a retry is recognised by any process, after a restart too.
/// </summary>
internal interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a request with this hash, or says why not: the first response is there
    /// (replay it), another body was sent under the key, or the first request is still running.
    /// A claim older than <paramref name="staleAfter"/> that never completed (its process died) is taken over.
    /// </summary>
    ValueTask<IdempotencyClaim> ClaimAsync(string tenant, string key, byte[] requestSha256, DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct);

    /// <summary>Stores the response of a claimed key; later claims with the same body replay it.</summary>
    ValueTask CompleteAsync(string tenant, string key, StoredResponse response, CancellationToken ct);

    /// <summary>Gives a claimed key up (the request failed before any outcome was durable), so a retry runs anew.</summary>
    ValueTask ReleaseAsync(string tenant, string key, CancellationToken ct);
}

/// <summary>A response as first sent, replayed byte for byte.</summary>
internal sealed record StoredResponse(int Status, string ContentType, byte[] Body);

internal enum ClaimOutcome
{
    /// <summary>The caller holds the key now and must complete or release it.</summary>
    Claimed,

    /// <summary>The first request under the key finished: <see cref="IdempotencyClaim.Response"/> is its response.</summary>
    Completed,

    /// <summary>The key was used with a different request body.</summary>
    Mismatch,

    /// <summary>The first request under the key is still running.</summary>
    InFlight,
}

internal sealed record IdempotencyClaim(ClaimOutcome Outcome, StoredResponse? Response = null);
