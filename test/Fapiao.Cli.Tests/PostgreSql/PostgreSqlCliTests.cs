using System.Text.Json;
using Fapiao.Cli.Tests.Support;
using Fapiao.PostgreSql.Tests.Support;

namespace Fapiao.Cli.Tests.PostgreSql;

/// <summary>The real program on a PostgreSQL ledger (--db), one schema per test; the signing key stays in the data folder.</summary>
public sealed partial class PostgreSqlCliTests : IAsyncLifetime
{
    private readonly TempLedger ledger = new();
    private string schema = "";
    private string db = "";

    public async Task InitializeAsync()
    {
        schema = await TestServer.CreateSchemaAsync();
        db = TestServer.ConnectionString(schema);
    }

    public async Task DisposeAsync()
    {
        ledger.Dispose();
        if (schema.Length > 0)
        {
            await TestServer.DropSchemaAsync(schema);
        }
    }

    private Task<FapiaoProcess.Result> RunAsync(params string[] args) => ledger.RunAsync([.. args, "--db", db]);

    private async Task<long> CountAsync(string sql) => (long)(await TestServer.ScalarAsync(schema, sql))!;

    [SkippableFact]
    public async Task InitIngestVerify_OnPostgreSql_WorkLikeOnSqlite()
    {
        var init = await RunAsync("init", "--json");
        init.ExitCode.ShouldBe(0, init.Stderr);
        JsonDocument.Parse(init.Stdout).RootElement.GetProperty("tenantCreated").GetBoolean().ShouldBeTrue();
        var bad = Samples.Invoice(99);
        bad["total"] = "1.00";
        var input = ledger.File("in.jsonl");
        await File.WriteAllTextAsync(input, Samples.Lines([.. Enumerable.Range(1, 30).Select(Samples.Invoice), bad, Samples.Invoice(1)]));

        var ingest = await RunAsync("ingest", input, "--json");
        var verify = await RunAsync("verify", "--json");
        var show = await RunAsync("show", Samples.Number(7), "--json");

        ingest.ExitCode.ShouldBe(3, ingest.Stderr);
        using (var summary = JsonDocument.Parse(ingest.Stdout))
        {
            var s = summary.RootElement;
            (s.GetProperty("accepted").GetInt32(), s.GetProperty("duplicates").GetInt32(), s.GetProperty("rejected").GetInt32()).ShouldBe((30, 1, 1));
        }

        verify.ExitCode.ShouldBe(0, verify.Stdout + verify.Stderr);
        show.ExitCode.ShouldBe(0, show.Stderr);
        JsonDocument.Parse(show.Stdout).RootElement.GetProperty("invoice").GetProperty("number").GetString().ShouldBe(Samples.Number(7));
        (await CountAsync("SELECT count(*) FROM events")).ShouldBe(30);
        (await CountAsync("SELECT count(*) FROM quarantine")).ShouldBe(1);
        File.Exists(Path.Combine(ledger.Data, CliContext.DatabaseName)).ShouldBeFalse("the ledger is in PostgreSQL, not in a file");
    }

    [SkippableFact]
    public async Task Open_PostgreSqlWithoutInit_IsAUsageErrorNamingInit()
    {
        (await RunAsync("init")).ExitCode.ShouldBe(0);

        var run = await RunAsync("verify", "--tenant", "nobody");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("no tenant \"nobody\"");
    }

    [SkippableFact]
    public async Task Ingest_ManyProcessesIntoOneTenant_NeverForkLoseOrDuplicate()
    {
        const int processes = 4, perProcess = 2100;
        (await RunAsync("init")).ExitCode.ShouldBe(0);

        // Each process submits the same shared keys (half of them in reverse order) and as many keys of
        // its own, interleaved, in several group commits (the runner commits 1024 items at a time).
        var inputs = Enumerable.Range(0, processes).Select(p =>
        {
            var shared = Enumerable.Range(0, perProcess / 2).Select(i => p % 2 == 0 ? i : (perProcess / 2) - 1 - i);
            var own = Enumerable.Range(100_000 + (p * 10_000), perProcess / 2);
            var path = ledger.File($"in-{p}.jsonl");
            File.WriteAllText(path, Samples.Lines(shared.Zip(own).SelectMany(pair => new[] { pair.First, pair.Second }).Select(Samples.Invoice)));
            return path;
        }).ToList();

        var runs = inputs.Select((input, p) => RunAsync("ingest", input, "--results", ledger.File($"out-{p}.jsonl"), "--json")).ToList();
        var results = await Task.WhenAll(runs);

        results.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", results.Select(r => r.Stderr)));
        var reported = new List<(string Outcome, string Key, long Leaf)>();
        for (var p = 0; p < processes; p++)
        {
            foreach (var line in await File.ReadAllLinesAsync(ledger.File($"out-{p}.jsonl")))
            {
                var e = JsonDocument.Parse(line).RootElement;
                reported.Add((e.GetProperty("outcome").GetString()!, e.GetProperty("key").GetString()!, e.GetProperty("receipt").GetProperty("leafIndex").GetInt64()));
            }
        }

        var keys = reported.Select(r => r.Key).Distinct().ToList();
        keys.Count.ShouldBe((perProcess / 2) + (processes * perProcess / 2));
        reported.Count(r => r.Outcome == "accepted").ShouldBe(keys.Count, "every key accepted by exactly one process");
        reported.ShouldAllBe(r => r.Outcome == "accepted" || r.Outcome == "duplicate");
        reported.GroupBy(r => r.Key).ShouldAllBe(g => g.Select(r => r.Leaf).Distinct().Count() == 1, "every report of a key names the same leaf");
        (await CountAsync("SELECT count(*) FROM events")).ShouldBe(keys.Count);
        (await CountAsync("SELECT count(DISTINCT key) FROM events")).ShouldBe(keys.Count);
        (await CountAsync("SELECT count(DISTINCT leaf_hash) FROM events")).ShouldBe(keys.Count);
        var verify = await RunAsync("verify", "--json");
        verify.ExitCode.ShouldBe(0, verify.Stdout + verify.Stderr);
    }

    [SkippableFact]
    public async Task Copy_SqliteLedgerToPostgreSql_VerifiesThereWithTheSameCheckpoint()
    {
        await ledger.InitAsync();
        var input = ledger.File("in.jsonl");
        await File.WriteAllTextAsync(input, Samples.Lines(Enumerable.Range(1, 25).Select(Samples.Invoice)));
        (await ledger.RunAsync("ingest", input)).ExitCode.ShouldBe(0);
        var sqliteCheckpoint = await ledger.RunAsync("checkpoint", "--json");

        var copy = await ledger.RunAsync("copy", "--from", Path.Combine(ledger.Data, CliContext.DatabaseName), "--to", db, "--json");
        var again = await ledger.RunAsync("copy", "--from", Path.Combine(ledger.Data, CliContext.DatabaseName), "--to", db, "--json");

        copy.ExitCode.ShouldBe(0, copy.Stderr);
        JsonDocument.Parse(copy.Stdout).RootElement.GetProperty("tenants")[0].GetProperty("events").GetInt64().ShouldBe(25);
        again.ExitCode.ShouldBe(0, again.Stderr);
        JsonDocument.Parse(again.Stdout).RootElement.GetProperty("tenants")[0].GetProperty("resumedAt").GetInt64().ShouldBe(25);
        (await RunAsync("checkpoint", "--json")).Stdout.ShouldBe(sqliteCheckpoint.Stdout);
        var verify = await RunAsync("verify");
        verify.ExitCode.ShouldBe(0, verify.Stdout + verify.Stderr);
    }

    [SkippableFact]
    public async Task ReadDb_ReadsGoToTheReplicaAndWritesToTheDatabase()
    {
        // A second, separate ledger stands in for the replica, so it is visible which one a command used.
        var other = await TestServer.CreateSchemaAsync();
        try
        {
            var replica = TestServer.ConnectionString(other);
            (await RunAsync("init")).ExitCode.ShouldBe(0);
            (await ledger.RunAsync("init", "--db", replica, "--tenant", "elsewhere")).ExitCode.ShouldBe(0);
            var input = ledger.File("in.jsonl");
            await File.WriteAllTextAsync(input, Samples.Lines([Samples.Invoice(1)]));

            var ingest = await RunAsync("ingest", input, "--read-db", replica);
            var showFromReplica = await RunAsync("show", Samples.Number(1), "--read-db", replica);
            var showFromPrimary = await RunAsync("show", Samples.Number(1));

            ingest.ExitCode.ShouldBe(0, ingest.Stderr);
            showFromReplica.ExitCode.ShouldBe(ExitCodes.Usage);
            showFromReplica.Stderr.ShouldContain("no tenant \"default\"");
            showFromPrimary.ExitCode.ShouldBe(0, showFromPrimary.Stderr);
        }
        finally
        {
            await TestServer.DropSchemaAsync(other);
        }
    }
}
