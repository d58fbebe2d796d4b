using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary>show, list, export, quarantine: what the ledger holds, read back.</summary>
public sealed class ReadCommandTests
{
    [Fact]
    public async Task Show_KnownAndUnknownKeys_GiveTheContractOr5()
    {
        using var ledger = await new TempLedger().InitAsync();
        await File.WriteAllTextAsync(ledger.File("in.jsonl"), Samples.Lines([Samples.Invoice(1)]));
        await ledger.RunAsync("ingest", ledger.File("in.jsonl"));

        var show = await ledger.RunAsync("show", Samples.Number(1), "--json");
        var missing = await ledger.RunAsync("show", Samples.Number(2));
        var notAKey = await ledger.RunAsync("show", "12-34");

        show.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(show.Stdout);
        var root = json.RootElement;
        root.GetProperty("key").GetString().ShouldBe(Samples.Number(1));
        root.GetProperty("state").GetString().ShouldBe("normal");
        root.GetProperty("invoice").GetProperty("total").GetString().ShouldBe("1060.00");
        root.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        var e = root.GetProperty("events")[0];
        (e.GetProperty("index").GetInt64(), e.GetProperty("kind").GetString()).ShouldBe((0, "recorded"));
        missing.ExitCode.ShouldBe(5);
        notAKey.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task List_Filters_AndExportRoundTripsIntoAnotherLedger()
    {
        using var ledger = await new TempLedger().InitAsync();
        var other = Samples.Invoice(2);
        other["issueDate"] = "2024-12-05";
        other["seller"]!["taxId"] = "91110108339805094M";
        await File.WriteAllTextAsync(ledger.File("in.jsonl"), Samples.Lines([Samples.Invoice(1), other]));
        await ledger.RunAsync("ingest", ledger.File("in.jsonl"));

        var bySeller = JsonDocument.Parse((await ledger.RunAsync("list", "--seller", "91110108339805094M", "--json")).Stdout).RootElement;
        var byDate = JsonDocument.Parse((await ledger.RunAsync("list", "--from", "2024-11-01", "--to", "2024-11-30", "--json")).Stdout).RootElement;
        var csv = await ledger.RunAsync("list", "--csv");

        bySeller.GetArrayLength().ShouldBe(1);
        bySeller[0].GetProperty("key").GetString().ShouldBe(Samples.Number(2));
        byDate.GetArrayLength().ShouldBe(1);
        byDate[0].GetProperty("key").GetString().ShouldBe(Samples.Number(1));
        csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);

        (await ledger.RunAsync("export", "--out", ledger.File("export.jsonl"))).ExitCode.ShouldBe(0);
        using var copy = await new TempLedger().InitAsync();
        var reimport = await copy.RunAsync("ingest", ledger.File("export.jsonl"), "--json");
        reimport.ExitCode.ShouldBe(0, reimport.Stdout + reimport.Stderr);
        JsonDocument.Parse(reimport.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Quarantine_ListAndShow_KeepTheSubmittedBytesAndEveryReason()
    {
        using var ledger = await new TempLedger().InitAsync();
        const string broken = """{"number":"123","type":"99","issueDate":"2024-02-30"}""";
        await File.WriteAllTextAsync(ledger.File("in.jsonl"), broken + "\n");
        (await ledger.RunAsync("ingest", ledger.File("in.jsonl"))).ExitCode.ShouldBe(3);

        var list = JsonDocument.Parse((await ledger.RunAsync("quarantine", "list", "--json")).Stdout).RootElement;
        var id = list[0].GetProperty("id").GetInt64();
        var show = JsonDocument.Parse((await ledger.RunAsync("quarantine", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json")).Stdout).RootElement;

        list.GetArrayLength().ShouldBe(1);
        show.GetProperty("rawText").GetString().ShouldBe(broken);
        show.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString())
            .ShouldBe(["number.format", "type.unknown", "date.format"], ignoreOrder: true);
        (await ledger.RunAsync("quarantine", "show", "999")).ExitCode.ShouldBe(5);
    }
}
