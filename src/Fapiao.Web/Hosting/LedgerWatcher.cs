using System.Collections.Concurrent;
using Fapiao.Accounts;
using Fapiao.Ledger.Verification;
using Fapiao.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fapiao.Web.Hosting;

/// <summary>
/// The background work of the service: keeps the size gauges current (after each commit and every
/// half minute) and verifies every tenant's ledger at start and then every <see cref="WebOptions.VerifyEvery"/>,
/// keeping the last result for /readyz.
/// </summary>
internal sealed class LedgerWatcher(InvoiceLedger ledger, LedgerMetrics metrics, WebOptions options, ILogger<LedgerWatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> dirty = new(StringComparer.Ordinal);

    /// <summary>The last background verification: null until one has finished.</summary>
    public VerifyState? LastVerify { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ledger.Writer.BatchCommitted += OnBatch;
        return base.StartAsync(cancellationToken);
    }

    private void OnBatch(string tenant, int items, int events)
    {
        metrics.BatchCommitted(items);
        dirty[tenant] = 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var verifyDue = options.VerifyInBackground ? options.Clock.GetUtcNow() : DateTimeOffset.MaxValue;
        var refreshDue = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), options.Clock);
        do
        {
            try
            {
                var now = options.Clock.GetUtcNow();
                var all = now >= refreshDue;
                var tenants = all ? await ledger.Store.ListTenantsAsync(stoppingToken).ConfigureAwait(false) : dirty.Keys.ToList();
                foreach (var tenant in tenants)
                {
                    dirty.TryRemove(tenant, out _);
                    await metrics.RefreshAsync(ledger.Store, tenant, stoppingToken).ConfigureAwait(false);
                }

                refreshDue = all ? now + TimeSpan.FromSeconds(30) : refreshDue;
                if (now >= verifyDue)
                {
                    await VerifyAllAsync(stoppingToken).ConfigureAwait(false);
                    verifyDue = options.VerifyEvery > TimeSpan.Zero ? options.Clock.GetUtcNow() + options.VerifyEvery : DateTimeOffset.MaxValue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Background ledger check failed: {ExceptionType}", ex.GetType().FullName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task VerifyAllAsync(CancellationToken ct)
    {
        foreach (var tenant in await ledger.Store.ListTenantsAsync(ct).ConfigureAwait(false))
        {
            var report = await new LedgerService(ledger).VerifyAsync(new Caller(tenant, Role.Auditor, "system:verify"), ct).ConfigureAwait(false);
            if (!report.Ok)
            {
                LastVerify = new VerifyState(options.Clock.GetUtcNow(), false, tenant, report.Failure?.Message);
                logger.LogError("Verification of tenant {Tenant} failed", tenant);
                return;
            }
        }

        LastVerify = new VerifyState(options.Clock.GetUtcNow(), true, null, null);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        ledger.Writer.BatchCommitted -= OnBatch;
        return base.StopAsync(cancellationToken);
    }
}

/// <summary>The result of the last background verification: when, whether every tenant verified, and the first failure.</summary>
internal sealed record VerifyState(DateTimeOffset At, bool Ok, string? FailedTenant, string? Failure);
