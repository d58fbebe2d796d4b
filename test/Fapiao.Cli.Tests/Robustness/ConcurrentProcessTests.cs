using System.Diagnostics;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Robustness;

/// <summary>Several fapiao processes ingesting into one tenant at once: one log, no fork, nothing lost or twice.</summary>
public sealed class ConcurrentProcessTests
{
    [Fact]
    public async Task Ingest_ThreeProcessesWithOverlappingFiles_KeepOneLogWithEveryInvoiceOnce()
    {
        using var ledger = await new TempLedger().InitAsync();
        var files = new List<string>();
        for (var p = 0; p < 3; p++)
        {
            // Each file shares half of its invoices with the next one.
            var path = ledger.File($"p{p}.jsonl");
            await File.WriteAllTextAsync(path, Samples.Lines(Enumerable.Range(p * 1500, 3000).Select(Samples.Invoice)));
            files.Add(path);
        }

        var processes = files.Select((f, i) => Process.Start(FapiaoProcess.StartInfo(ledger.Data, ["ingest", f, "--results", ledger.File($"r{i}.jsonl")]))!).ToList();
        foreach (var process in processes)
        {
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
            process.Dispose();
        }

        var outcomes = Enumerable.Range(0, 3)
            .SelectMany(i => File.ReadAllLines(ledger.File($"r{i}.jsonl")))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        outcomes.Count.ShouldBe(9_000);
        var accepted = outcomes.Where(o => o.GetProperty("outcome").GetString() == "accepted").ToList();
        accepted.Count.ShouldBe(6_000, "every distinct invoice is accepted exactly once, whichever process came first");
        accepted.Select(o => o.GetProperty("receipt").GetProperty("leafIndex").GetInt64()).Distinct().Count().ShouldBe(6_000);
        outcomes.Count(o => o.GetProperty("outcome").GetString() == "duplicate").ShouldBe(3_000);

        var verify = await ledger.RunAsync("verify", "--json");
        verify.ExitCode.ShouldBe(0, verify.Stdout);
        JsonDocument.Parse(verify.Stdout).RootElement.GetProperty("events").GetInt64().ShouldBe(6_000);
    }
}
