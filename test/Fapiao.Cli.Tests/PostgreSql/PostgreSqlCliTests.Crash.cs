using System.Diagnostics;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;
using Fapiao.PostgreSql.Tests.Support;

namespace Fapiao.Cli.Tests.PostgreSql;

public sealed partial class PostgreSqlCliTests
{
    /// <summary>
    /// Several processes ingest overlapping files into one tenant at once and are killed (-9) at random
    /// moments, round after round: whatever any of them reported stays, the log never forks (one
    /// event per key, leaf hashes unique) and verify passes after every round; a last uninterrupted
    /// run of every file leaves each key exactly once.
    /// </summary>
    [SkippableFact]
    public async Task Ingest_ProcessesKilledAtRandomMoments_NeverForkLoseOrDuplicate()
    {
        const int processes = 3, perFile = 6000, rounds = 3;
        (await RunAsync("init")).ExitCode.ShouldBe(0);
        var random = new Random(20261129);
        var inputs = Enumerable.Range(0, processes).Select(p =>
        {
            // Every file shares its first half with the next file's second half, in another order.
            var keys = Enumerable.Range(p * perFile / 2, perFile).OrderBy(_ => random.Next()).ToList();
            var path = ledger.File($"in-{p}.jsonl");
            File.WriteAllText(path, Samples.Lines(keys.Select(Samples.Invoice)));
            return path;
        }).ToList();
        var allKeys = Enumerable.Range(0, (processes + 1) * perFile / 2).Select(Samples.Number).ToHashSet();
        var reported = new Dictionary<string, long>();

        for (var round = 0; round < rounds; round++)
        {
            var results = inputs.Select((_, p) => ledger.File($"out-{round}-{p}.jsonl")).ToList();
            var started = inputs.Select((input, p) => Process.Start(FapiaoProcess.StartInfo(ledger.Data, ["ingest", input, "--results", results[p], "--db", db]))!).ToList();
            try
            {
                await Task.WhenAll(started.Select(async (process, p) =>
                {
                    await ResultsFile.WaitForFirstLineAsync(results[p], process);
                    await Task.Delay(random.Next(0, 600));
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }));
            }
            finally
            {
                started.ForEach(p => p.Dispose());
            }

            foreach (var line in results.SelectMany(ResultsFile.CompleteLines))
            {
                var e = JsonDocument.Parse(line).RootElement;
                e.GetProperty("outcome").GetString().ShouldBeOneOf("accepted", "duplicate");
                var key = e.GetProperty("key").GetString()!;
                var leaf = e.GetProperty("receipt").GetProperty("leafIndex").GetInt64();
                if (reported.TryGetValue(key, out var seen))
                {
                    leaf.ShouldBe(seen, $"{key}: every report names the same leaf");
                }
                else
                {
                    reported.Add(key, leaf);
                }
            }

            await ShouldHoldOneEventPerKeyAsync($"round {round}");
            var logged = ((string?)await TestServer.ScalarAsync(schema, "SELECT string_agg(key || ':' || idx, ',') FROM events") ?? "").Split(',').ToHashSet();
            reported.Select(r => $"{r.Key}:{r.Value}").Except(logged).ShouldBeEmpty($"round {round}: reported, then lost");
        }

        foreach (var input in inputs)
        {
            (await RunAsync("ingest", input)).ExitCode.ShouldBe(0);
        }

        await ShouldHoldOneEventPerKeyAsync("after the full runs");
        (await CountAsync("SELECT count(*) FROM events")).ShouldBe(allKeys.Count);
    }

    private async Task ShouldHoldOneEventPerKeyAsync(string when)
    {
        var events = await CountAsync("SELECT count(*) FROM events");
        (await CountAsync("SELECT count(DISTINCT key) FROM events")).ShouldBe(events, $"{when}: a key has two events");
        (await CountAsync("SELECT count(DISTINCT leaf_hash) FROM events")).ShouldBe(events, $"{when}: two events share a leaf hash");
        (await CountAsync("SELECT coalesce(max(idx) + 1, 0) FROM events")).ShouldBe(events, $"{when}: the log has a gap or a fork");
        var verify = await RunAsync("verify", "--json");
        verify.ExitCode.ShouldBe(0, $"{when}: {verify.Stdout}{verify.Stderr}");
    }
}
