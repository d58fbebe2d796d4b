using Fapiao.Ledger.Signing;
using Microsoft.Extensions.Logging;

namespace Fapiao.Web.Hosting;

/// <summary>How <c>fapiao serve</c> runs: the store and key it serves, where it listens, and its limits.</summary>
internal sealed record WebOptions
{
    public required StoreSet Stores { get; init; }

    public required CheckpointSigner Signer { get; init; }

    /// <summary>The data folder: the cookie-protection keys are kept in <c>web-keys/</c> there.</summary>
    public required string DataDir { get; init; }

    /// <summary>Where to listen, e.g. <c>http://127.0.0.1:8080</c> (port 0: any free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>A request body larger than this is refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 8 << 20;

    /// <summary>The request bodies ingested at once add up to at most this (at least one largest body); more wait their turn.</summary>
    public long BodyBudgetBytes { get; init; } = 32 << 20;

    /// <summary>Requests per second one tenant may make to the API (a token bucket); 0: no limit.</summary>
    public int RateLimitPerSecond { get; init; } = 500;

    /// <summary>How many requests a tenant may make at once above the steady rate.</summary>
    public int RateLimitBurst { get; init; } = 1000;

    /// <summary>How long a claimed Idempotency-Key whose request never finished (its process died) blocks a retry.</summary>
    public TimeSpan IdempotencyStaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often every tenant's ledger is verified in the background (for /readyz); zero: only at start.</summary>
    public TimeSpan VerifyEvery { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether to verify in the background at all (tests of other things turn it off).</summary>
    public bool VerifyInBackground { get; init; } = true;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Replaces the JSON console log (tests capture the log with it).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
