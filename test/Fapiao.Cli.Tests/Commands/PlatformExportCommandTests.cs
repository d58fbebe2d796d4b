using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fapiao.Cli.Tests.Support;
using Fapiao.Formats.Exports;

namespace Fapiao.Cli.Tests.Commands;

/// <summary>Platform exports through <c>fapiao ingest</c>, and <c>fapiao export --format csv|xlsx</c> read back by it.</summary>
public sealed class PlatformExportCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FixtureText => File.ReadAllText(Fixture("platform-export.csv"), Encoding.UTF8);

    private static async Task<List<JsonElement>> ResultsAsync(string path) =>
        [.. (await File.ReadAllLinesAsync(path)).Select(l => JsonDocument.Parse(l).RootElement)];

    private static async Task<List<string>> ExportJsonLinesAsync(TempLedger ledger)
    {
        var export = await ledger.RunAsync("export");
        export.ExitCode.ShouldBe(0, export.Stderr);
        return [.. export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The platform-export fixture ingested into <paramref name="ledger"/>, then exported as XLSX: the file's path.</summary>
    private static async Task<string> ExportFixtureAsXlsxAsync(TempLedger ledger)
    {
        (await ledger.RunAsync("ingest", Fixture("platform-export.csv"))).ExitCode.ShouldBe(0);
        var exported = ledger.File("out.xlsx");
        (await ledger.RunAsync("export", "--format", "xlsx", "--out", exported)).ExitCode.ShouldBe(0);
        return exported;
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-8-bom")]
    public async Task Ingest_PlatformExportCsv_IsDetectedAndEveryRowAccepted(string encoding)
    {
        using var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("export.csv");
        await File.WriteAllBytesAsync(input, encoding == "gb18030"
            ? ExportEncoding.Gb18030.GetBytes(FixtureText)
            : [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(FixtureText)]);
        var results = ledger.File("results.jsonl");

        var run = await ledger.RunAsync("ingest", input, "--results", results, "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(6);
        (await ResultsAsync(results)).Select(r => r.GetProperty("source").GetString()).ShouldBe(
            [$"{input}:4", $"{input}:5", $"{input}:7", $"{input}:8", $"{input}:9", $"{input}:10"]);
        var show = await ledger.RunAsync("show", "24442000000012345678", "--json");
        JsonDocument.Parse(show.Stdout).RootElement.GetProperty("invoice").GetProperty("seller").GetProperty("name").GetString().ShouldBe("腾讯科技（深圳）有限公司");
    }

    [Fact]
    public async Task Ingest_ExportWithAScientificNotationNumber_RejectsThatRowAndExits3()
    {
        using var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("export.csv");
        await File.WriteAllTextAsync(input, FixtureText.Replace("24442000000012345678", "2.4442E+19", StringComparison.Ordinal), Encoding.UTF8);
        var results = ledger.File("results.jsonl");

        var run = await ledger.RunAsync("ingest", input, "--format", "csv", "--results", results, "--json");

        run.ExitCode.ShouldBe(3, run.Stderr);
        var lines = await ResultsAsync(results);
        lines.Select(l => l.GetProperty("outcome").GetString()).ShouldBe(["accepted", "rejected", "accepted", "accepted", "accepted", "accepted"]);
        lines[1].GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("spreadsheet.numberAsFloat");
        var quarantine = await ledger.RunAsync("quarantine", "list", "--json");
        quarantine.Stdout.ShouldContain("spreadsheet.numberAsFloat");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_ThenIngestIntoAnotherLedger_GivesTheSameInvoicesWithoutTheirLines(string format)
    {
        using var source = await new TempLedger().InitAsync();
        var jsonl = source.File("in.jsonl");
        var withRemark = Samples.Invoice(2);
        withRemark["remarks"] = "=SUM(A1) 不是公式, \"引号\"";
        await File.WriteAllTextAsync(jsonl, Samples.Lines([Samples.Invoice(1), withRemark]));
        (await source.RunAsync("ingest", jsonl)).ExitCode.ShouldBe(0);
        (await source.RunAsync("ingest", Fixture("platform-export.csv"))).ExitCode.ShouldBe(0);
        var exported = source.File("out." + format);

        var export = await source.RunAsync("export", "--format", format, "--out", exported);
        using var target = await new TempLedger().InitAsync();
        var ingest = await target.RunAsync("ingest", exported, "--json");

        export.ExitCode.ShouldBe(0, export.Stderr);
        ingest.ExitCode.ShouldBe(0, ingest.Stderr + ingest.Stdout);
        JsonDocument.Parse(ingest.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(8);
        var expected = (await ExportJsonLinesAsync(source)).Select(line =>
        {
            var invoice = JsonNode.Parse(line)!.AsObject();
            invoice.Remove("lines");
            return invoice.ToJsonString();
        });
        var actual = (await ExportJsonLinesAsync(target)).Select(line => JsonNode.Parse(line)!.AsObject().ToJsonString());
        actual.ShouldBe(expected);
    }

    [Fact]
    public async Task Export_IntoTheSameLedger_IsAllDuplicates()
    {
        using var ledger = await new TempLedger().InitAsync();
        var jsonl = ledger.File("in.jsonl");
        await File.WriteAllTextAsync(jsonl, Samples.Lines([Samples.Invoice(1), Samples.Invoice(2)]));
        (await ledger.RunAsync("ingest", jsonl)).ExitCode.ShouldBe(0);
        var exported = ledger.File("out.csv");
        (await ledger.RunAsync("export", "--format", "csv", "--out", exported)).ExitCode.ShouldBe(0);

        var again = await ledger.RunAsync("ingest", exported, "--json");

        again.ExitCode.ShouldBe(0, again.Stderr);
        JsonDocument.Parse(again.Stdout).RootElement.GetProperty("duplicates").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Export_Xlsx_WritesEveryCellAsText()
    {
        using var ledger = await new TempLedger().InitAsync();

        var exported = await ExportFixtureAsXlsxAsync(ledger);

        using var zip = ZipFile.OpenRead(exported);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        xml.ShouldContain(">24112000000048542163<");
        xml.ShouldContain(">011002680026<");
        xml.ShouldNotContain("t=\"n\"");
        System.Text.RegularExpressions.Regex.Matches(xml, "<x:c ").Count.ShouldBe(System.Text.RegularExpressions.Regex.Matches(xml, "t=\"str\"").Count);
    }

    [Fact]
    public async Task Ingest_XlsxFromStandardInput_IsDetectedByContent()
    {
        using var source = await new TempLedger().InitAsync();
        var exported = await ExportFixtureAsXlsxAsync(source);
        using var target = await new TempLedger().InitAsync();

        var run = await target.RunWithInputAsync(await File.ReadAllBytesAsync(exported), "ingest", "-", "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(6);
    }
}
