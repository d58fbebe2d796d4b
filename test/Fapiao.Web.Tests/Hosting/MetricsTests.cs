using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Hosting;

/// <summary>/metrics: Prometheus text that promtool accepts, with the ledger's own series.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<string> ScrapeWhenAsync(Func<string, bool> ready)
    {
        string text = "";
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            text = await app.Anonymous().GetStringAsync("/metrics");
            if (ready(text))
            {
                return text;
            }

            await Task.Delay(100);
        }

        return text;
    }

    [Fact]
    public async Task Metrics_CountIngestByOutcome_BatchSizes_LatencyAndSizesPerTenant()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        await clerk.PostInvoicesAsync(SomeInvoices.Array([.. SomeInvoices.Json(3), SomeInvoices.Broken]));

        var text = await ScrapeWhenAsync(t => t.Contains("fapiao_log_events{otel_scope_name=\"Fapiao\",tenant=\"acme\"} 3", StringComparison.Ordinal));

        text.ShouldContain("fapiao_log_events{otel_scope_name=\"Fapiao\",tenant=\"acme\"} 3", customMessage: text + string.Join("\n", app.Logs.Lines.Where(l => !l.StartsWith("Information", StringComparison.Ordinal))));
        text.ShouldContain("fapiao_quarantine_items{otel_scope_name=\"Fapiao\",tenant=\"acme\"} 1");
        text.ShouldMatch("(?m)^fapiao_ingest_items_total\\{[^}]*outcome=\"accepted\"[^}]*tenant=\"acme\"[^}]*\\} 3");
        text.ShouldMatch("(?m)^fapiao_ingest_items_total\\{[^}]*outcome=\"rejected\"[^}]*tenant=\"acme\"[^}]*\\} 1");
        // Every commit of this small request held at most 5 items (a loaded machine may split it over several commits).
        var commits = long.Parse(Regex.Match(text, "(?m)^fapiao_group_commit_items_count\\{[^}]*\\} (\\d+)(\\s|$)").Groups[1].Value, CultureInfo.InvariantCulture);
        commits.ShouldBeGreaterThanOrEqualTo(1);
        text.ShouldMatch($"(?m)^fapiao_group_commit_items_bucket\\{{[^}}]*le=\"5\"[^}}]*\\}} {commits}(\\s|$)");
        text.ShouldMatch("(?m)^fapiao_ingest_duration_seconds_count\\{[^}]*endpoint=\"invoices\"[^}]*\\} 1");
        text.ShouldContain("http_server_request_duration_seconds_bucket");
    }

    [Fact]
    public async Task Metrics_PassPromtool()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        await clerk.PostInvoicesAsync(SomeInvoices.Array(SomeInvoices.Json(2)));
        var text = await ScrapeWhenAsync(t => t.Contains("fapiao_log_events", StringComparison.Ordinal));

        var promtool = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(promtool) ?? throw new InvalidOperationException("promtool did not start (scripts/test.sh installs Debian's prometheus package).");
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task Metrics_NeedNoKey_HealthToo()
    {
        var anonymous = app.Anonymous();

        (await anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var health = await (await anonymous.GetAsync("/healthz")).ShouldBeAsync(HttpStatusCode.OK);
        health.GetProperty("status").GetString().ShouldBe("ok");
    }
}
