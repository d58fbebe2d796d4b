using System.Diagnostics;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Robustness;

/// <summary>
/// kill -9 in the middle of an ingest, again and again: every item the results file reported is
/// still there afterwards, verify passes, and every input that has events in the ledger has its
/// kept original (it is kept before any of its events is written).
/// </summary>
public sealed class CrashTests
{
    [Fact]
    public async Task Ingest_KilledAtRandomMoments_LosesNothingItReportedAndStillVerifies()
    {
        using var ledger = await new TempLedger().InitAsync();
        var random = new Random(20261128);
        var reported = new HashSet<string>();
        for (var round = 0; round < 4; round++)
        {
            var input = ledger.File($"in{round}.jsonl");
            await File.WriteAllTextAsync(input, Samples.Lines(Enumerable.Range(round * 20_000, 20_000).Select(Samples.Invoice)));
            var results = ledger.File($"results{round}.jsonl");
            using (var process = Process.Start(FapiaoProcess.StartInfo(ledger.Data, ["ingest", input, "--results", results]))!)
            {
                await ResultsFile.WaitForFirstLineAsync(results, process);
                await Task.Delay(random.Next(0, 400));
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            foreach (var line in ResultsFile.CompleteLines(results))
            {
                using var json = JsonDocument.Parse(line);
                json.RootElement.GetProperty("outcome").GetString().ShouldBe("accepted");
                reported.Add(json.RootElement.GetProperty("key").GetString()!);
            }

            var verify = await ledger.RunAsync("verify", "--json");
            verify.ExitCode.ShouldBe(0, $"round {round}: {verify.Stdout}{verify.Stderr}");
        }

        reported.Count.ShouldBeGreaterThan(0);
        var list = await ledger.RunAsync("list", "--json");
        var present = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("key").GetString()!).ToHashSet();
        reported.Except(present).ShouldBeEmpty();
        for (var round = 0; round < 4; round++)
        {
            if (!Enumerable.Range(round * 20_000, 20_000).Any(i => present.Contains(Samples.Number(i))))
            {
                continue;
            }

            var input = await File.ReadAllBytesAsync(ledger.File($"in{round}.jsonl"));
            var back = ledger.File($"back{round}.jsonl");
            var original = await ledger.RunAsync("original", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input)), "--out", back);
            original.ExitCode.ShouldBe(0, $"round {round}: {original.Stderr}");
            (await File.ReadAllBytesAsync(back)).ShouldBe(input);
        }
    }
}
