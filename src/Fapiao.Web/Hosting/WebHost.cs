using System.Threading.RateLimiting;
using Fapiao.Accounts;
using Fapiao.Storage;
using Fapiao.Validation;
using Fapiao.Web.Accounts;
using Fapiao.Web.Api;
using Fapiao.Web.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Fapiao.Web.Hosting;

/// <summary>
/// Builds the HTTP service: the same store and use cases as the CLI behind API keys and a sign-in
/// cookie, the REST API v1, health, metrics, the OpenAPI document and the web UI (Ui/).
/// <c>fapiao serve</c> and the tests start it the same way: <see cref="StartAsync"/>.
/// </summary>
internal static class WebHost
{
    public const string TenantLimiter = "tenant";

    public static WebApplication Build(WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "fapiao", Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        ConfigureLogging(builder.Logging, options);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(options.Stores.Ledger);
        services.AddSingleton(options.Stores.Accounts);
        services.AddSingleton(options.Stores.Idempotency);
        services.AddSingleton(_ => new InvoiceLedger(options.Stores.Ledger, options.Signer, options.Clock));
        services.AddSingleton<LedgerService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<LedgerMetrics>();
        services.AddSingleton<LedgerWatcher>();
        services.AddApiV1();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerWatcher>());
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxBodyBytes);
        services.AddDataProtection().SetApplicationName("fapiao").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDir, "web-keys")));
        AddAuthentication(services);
        services.AddAuthorization();
        services.AddAntiforgery(a => a.Cookie.Name = "fapiao.af");
        services.AddRateLimiter(r => ConfigureRateLimits(r, options));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Fapiao Ledger API";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(LedgerMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddView(LedgerMetrics.BatchItems, new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 8192] })
            .AddPrometheusExporter());

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseStatusCodePages(EmptyErrorAsProblemAsync);
        app.UseAuthentication();
        app.UseMiddleware<CallerScopeMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealth();
        app.MapAuth();
        app.MapApiV1();
        app.MapWebUi();
        return app;
    }

    /// <summary>Builds and starts the service; the addresses it listens on are in <see cref="Addresses"/>.</summary>
    public static async Task<WebApplication> StartAsync(WebOptions options, CancellationToken ct)
    {
        var app = Build(options);
        await app.StartAsync(ct).ConfigureAwait(false);
        return app;
    }

    public static IReadOnlyList<string> Addresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();

    private static void ConfigureLogging(ILoggingBuilder logging, WebOptions options)
    {
        logging.ClearProviders();
        // The framework's own request lines carry the query string (tax IDs): ours replace them.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Lifetime", LogLevel.Information);
        if (options.ConfigureLogging is { } configure)
        {
            configure(logging);
            return;
        }

        logging.AddJsonConsole(j =>
        {
            j.IncludeScopes = true;
            j.UseUtcTimestamp = true;
            j.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "API key or sign-in cookie", p => p.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.ApiKey : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(AuthSchemes.Cookie, c =>
            {
                c.Cookie.Name = AuthSchemes.CookieName;
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.LoginPath = AuthEndpoints.LoginPath;
                c.LogoutPath = AuthEndpoints.LogoutPath;
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
                c.SlidingExpiration = true;
                c.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? WriteAuthProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
                    : RedirectAsync(context);
                c.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? WriteAuthProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden)
                    : RedirectAsync(context);
            });
    }

    /// <summary>An error answered without a body by the framework (no route, a method or media type the route does not take) gets problem details on the API.</summary>
    private static Task EmptyErrorAsProblemAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!IsApi(http.Request))
        {
            return Task.CompletedTask;
        }

        var (code, title) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.RouteNotFound, "Not found"),
            StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.RequestMediaType, "Unsupported media type"),
            StatusCodes.Status401Unauthorized => (ErrorCodes.AuthRequired, "Authentication required"),
            StatusCodes.Status403Forbidden => (ErrorCodes.AuthForbidden, "Forbidden"),
            _ => (ErrorCodes.RequestInvalid, "Invalid request"),
        };
        return ApiProblems.WriteAsync(http, http.Response.StatusCode, code, title, $"{title}: {http.Request.Method} {http.Request.Path} (see /openapi/v1.json).");
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    private static Task RedirectAsync(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteAuthProblemAsync(HttpContext context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.WriteAsync(context, status, ErrorCodes.AuthRequired, "Authentication required",
                "Send an API key as 'Authorization: Bearer KEY' (fapiao apikey create), or sign in.");
        }

        return ApiProblems.WriteAsync(context, status, ErrorCodes.AuthForbidden, "Forbidden", "This role does not allow that.");
    }

    /// <summary>
    /// One token bucket per tenant (so a flood from one tenant empties only its own bucket), and a
    /// bound on concurrent logins (each costs a PBKDF2 hash).
    /// </summary>
    private static void ConfigureRateLimits(RateLimiterOptions r, WebOptions options)
    {
        r.AddPolicy(TenantLimiter, context =>
        {
            var tenant = context.User.FindCaller()?.Tenant;
            if (tenant is null || options.RateLimitPerSecond <= 0)
            {
                return RateLimitPartition.GetNoLimiter("-");
            }

            return RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.RateLimitBurst),
                TokensPerPeriod = options.RateLimitPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        r.AddConcurrencyLimiter(AuthEndpoints.LoginLimiter, c =>
        {
            c.PermitLimit = Math.Max(1, Environment.ProcessorCount);
            c.QueueLimit = 64;
        });
        r.OnRejected = async (context, ct) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
            }

            await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.RequestRateLimited, "Too many requests",
                "This tenant's rate limit is reached; retry after the time in Retry-After.").ConfigureAwait(false);
        };
    }
}
