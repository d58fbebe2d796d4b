using System.Diagnostics;
using System.Security.Cryptography;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.PostgreSql.Tests.Support;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.PostgreSql.Tests;

/// <summary>
/// A primary with a synchronous streaming standby on loopback (scripts/pg-replica-pair.sh): the
/// standby serves reads, and when the primary dies in the middle of ingest and the standby is
/// promoted, every invoice the ledger acknowledged is there and verify passes.
/// </summary>
public sealed class FailoverTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "fapiao-pair-" + Guid.NewGuid().ToString("N"));
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private string primary = "";
    private string standby = "";

    public async Task InitializeAsync()
    {
        var start = await PairAsync("start");
        if (start.ExitCode == 3 && !TestServer.InCi)
        {
            return;
        }

        start.ExitCode.ShouldBe(0, start.Output);
        foreach (var line in start.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts is ["primary", var p])
            {
                primary = p;
            }
            else if (parts is ["standby", var s])
            {
                standby = s;
            }
        }
    }

    public async Task DisposeAsync()
    {
        await PairAsync("stop");
        key.Dispose();
    }

    private async Task<(int ExitCode, string Output)> PairAsync(string command)
    {
        var script = FindScript();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(dir);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindScript()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var script = Path.Combine(d.FullName, "scripts", "pg-replica-pair.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new FileNotFoundException("scripts/pg-replica-pair.sh not found above " + AppContext.BaseDirectory);
    }

    [SkippableFact]
    public async Task Failover_PrimaryKilledDuringIngest_StandbyHoldsEveryAcknowledgedInvoiceAndVerifies()
    {
        Skip.If(primary.Length == 0, "PostgreSQL binaries not found: the failover test needs initdb, pg_ctl and pg_basebackup.");
        var clock = new ManualClock(PgLedger.Start);
        var acknowledged = new List<string>();
        await using (var store = new PostgreSqlLedgerStore(primary))
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.CreateTenantAsync(PgLedger.Tenant, PgLedger.Start, CancellationToken.None);
            await using var ledger = new InvoiceLedger(store, new CheckpointSigner(key), clock);
            var reader = new SubmissionReader(ledger.Validator);
            async Task<bool> IngestBatchAsync(int round)
            {
                var items = Enumerable.Range(0, 25)
                    .Select(i => new WriteItem(reader.FromJson("t", Invoices.Bytes(Invoices.Shudian($"2411200000000{round:D4}0{i:D2}"))), "test"))
                    .ToList();
                try
                {
                    var results = await ledger.IngestAsync(PgLedger.Tenant, items, wantReceipts: false, CancellationToken.None);
                    results.ShouldAllBe(r => r.Outcome == IngestOutcome.Accepted);
                    lock (acknowledged)
                    {
                        acknowledged.AddRange(results.Select(r => r.Key!));
                    }

                    return true;
                }
                catch (Npgsql.NpgsqlException)
                {
                    return false;
                }
            }

            for (var round = 0; round < 4; round++)
            {
                (await IngestBatchAsync(round)).ShouldBeTrue();
            }

            // The standby has replayed every acknowledged commit (remote_apply): it serves reads.
            await using (var replica = new PostgreSqlLedgerStore(standby))
            {
                (await replica.GetInvoiceAsync(PgLedger.Tenant, acknowledged[^1], CancellationToken.None)).ShouldNotBeNull();
                (await replica.GetHeadAsync(PgLedger.Tenant, CancellationToken.None)).Size.ShouldBe(acknowledged.Count);
            }

            // Keep ingesting while the primary is killed.
            var writing = Task.Run(async () =>
            {
                for (var round = 4; round < 400 && await IngestBatchAsync(round); round++)
                {
                }
            });
            await Task.Delay(300);
            (await PairAsync("kill-primary")).ExitCode.ShouldBe(0);
            await writing;
        }

        (await PairAsync("promote")).ExitCode.ShouldBe(0);
        await using var promoted = new PostgreSqlLedgerStore(standby);
        await promoted.InitializeAsync(CancellationToken.None);
        await using var after = new InvoiceLedger(promoted, new CheckpointSigner(key), clock);
        foreach (var k in acknowledged)
        {
            (await promoted.GetInvoiceAsync(PgLedger.Tenant, k, CancellationToken.None)).ShouldNotBeNull(k);
        }

        (await promoted.GetHeadAsync(PgLedger.Tenant, CancellationToken.None)).Size.ShouldBeGreaterThanOrEqualTo(acknowledged.Count);
        (await after.VerifyAsync(PgLedger.Tenant, CancellationToken.None)).Failure.ShouldBeNull();

        // The promoted standby takes writes: the ledger goes on from the head it holds.
        var reader2 = new SubmissionReader(after.Validator);
        (await after.IngestAsync(PgLedger.Tenant, [new WriteItem(reader2.FromJson("t", Invoices.Bytes(Invoices.Shudian("24112000000099999999"))), "test")], false, CancellationToken.None))[0]
            .Outcome.ShouldBe(IngestOutcome.Accepted);
        (await after.VerifyAsync(PgLedger.Tenant, CancellationToken.None)).Failure.ShouldBeNull();
    }
}
