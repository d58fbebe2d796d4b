using System.Text;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_GoodAndBadLines_ReportsEveryOutcomeInOrderAndExits3()
    {
        using var ledger = await new TempLedger().InitAsync();
        var bad = Samples.Invoice(2);
        bad["total"] = "1.00";
        var input = ledger.File("in.jsonl");
        await File.WriteAllTextAsync(input, Samples.Lines([Samples.Invoice(1), bad, Samples.Invoice(1), Samples.Invoice(3)]) + "{broken\n");
        var results = ledger.File("results.jsonl");

        var run = await ledger.RunAsync("ingest", input, "--results", results, "--json");

        run.ExitCode.ShouldBe(3, run.Stderr);
        using (var summary = JsonDocument.Parse(run.Stdout))
        {
            var s = summary.RootElement;
            (s.GetProperty("accepted").GetInt32(), s.GetProperty("duplicates").GetInt32(), s.GetProperty("enriched").GetInt32(),
             s.GetProperty("conflicts").GetInt32(), s.GetProperty("rejected").GetInt32(), s.GetProperty("warnings").GetInt32())
                .ShouldBe((2, 1, 0, 0, 2, 0));
        }

        var lines = (await File.ReadAllLinesAsync(results)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("outcome").GetString()).ShouldBe(["accepted", "rejected", "duplicate", "accepted", "rejected"]);
        lines.Select(l => l.GetProperty("source").GetString()).ShouldBe([$"{input}:1", $"{input}:2", $"{input}:3", $"{input}:4", $"{input}:5"]);
        lines[1].GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("sum.total");
        lines[1].GetProperty("errors")[0].GetProperty("severity").GetString().ShouldBe("error");
        lines[4].GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("json.syntax");
        lines[0].GetProperty("receipt").GetProperty("leafIndex").GetInt64().ShouldBe(0);
        lines[2].GetProperty("receipt").GetProperty("leafIndex").GetInt64().ShouldBe(0);
        lines[1].GetProperty("receipt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Ingest_FromStandardInput_AcceptsJsonArrayAndQrLines()
    {
        using var ledger = await new TempLedger().InitAsync();

        var array = await ledger.RunWithInputAsync(Encoding.UTF8.GetBytes($"[{Samples.Invoice(1).ToJsonString()},{Samples.Invoice(2).ToJsonString()}]"), "ingest", "-", "--json");
        var qr = await ledger.RunWithInputAsync("01,31,,24112000000048542163,4449.00,20240528,,B2B6\n01,10,011002680026,71500013,9709.00,20200220,03272875819686271285,1818,\n"u8.ToArray(), "ingest", "-", "--format", "qr", "--json");

        array.ExitCode.ShouldBe(0, array.Stderr);
        JsonDocument.Parse(array.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
        qr.ExitCode.ShouldBe(0, qr.Stderr);
        JsonDocument.Parse(qr.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
        var show = await ledger.RunAsync("show", "011002680026-71500013", "--json");
        using var shown = JsonDocument.Parse(show.Stdout);
        shown.RootElement.GetProperty("invoice").GetProperty("amount").GetString().ShouldBe("9709.00");
        shown.RootElement.GetProperty("invoice").GetProperty("checkCode").GetString().ShouldBe("03272875819686271285");
    }

    [Fact]
    public async Task Ingest_MissingFile_IsAUsageError()
    {
        using var ledger = await new TempLedger().InitAsync();

        var run = await ledger.RunAsync("ingest", ledger.File("nope.jsonl"));

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("No such file");
    }

    [Fact]
    public async Task Ingest_RedirectedOutputWithoutJson_PrintsAPlainSummary()
    {
        using var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("in.jsonl");
        await File.WriteAllTextAsync(input, Samples.Lines([Samples.Invoice(1)]));

        var run = await ledger.RunAsync("ingest", input);

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("accepted 1, duplicates 0, enriched 0, conflicts 0, rejected 0");
    }
}
