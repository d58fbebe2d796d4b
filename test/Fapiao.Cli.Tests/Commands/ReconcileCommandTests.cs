using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao reconcile</c>, <c>reconcile history</c> and <c>trace</c> through the real fapiao.dll.</summary>
public sealed partial class ReconcileCommandTests
{
    private const string Header = "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态,是否正数发票";

    private static string Row(int i, string total = "1060.00", string status = "正常", string name = "华为技术有限公司") =>
        $",,{Samples.Number(i)},914403001922038216,{name},91330100799655058B,阿里巴巴,2024-11-20,1000.00,60.00,{total},数电票（普通发票）,{status},是";

    private static async Task<string> WriteAsync(TempLedger ledger, string name, params string[] rows)
    {
        var path = ledger.File(name);
        await File.WriteAllTextAsync(path, string.Join("\n", [Header, .. rows]) + "\n", Encoding.UTF8);
        return path;
    }

    private static async Task<TempLedger> LedgerWithAsync(int count)
    {
        var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("in.jsonl");
        await File.WriteAllTextAsync(input, Samples.Lines(Enumerable.Range(1, count).Select(Samples.Invoice)));
        (await ledger.RunAsync("ingest", input)).ExitCode.ShouldBe(0);
        return ledger;
    }

    [Fact]
    public async Task Reconcile_AgainstAgreeingExport_ExitsZero()
    {
        using var ledger = await LedgerWithAsync(3);
        var export = await WriteAsync(ledger, "platform.csv", Row(1), Row(2), Row(3, total: "1060"));

        var run = await ledger.RunAsync("reconcile", "--against", export, "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        json.GetProperty("matched").GetInt64().ShouldBe(3);
        json.GetProperty("left").GetProperty("count").GetInt64().ShouldBe(3);
        json.GetProperty("right").GetProperty("name").GetString().ShouldBe("platform.csv");
    }

    [Fact]
    public async Task Reconcile_Differences_ExitsThreeWithTheIssueJsonShape()
    {
        using var ledger = await LedgerWithAsync(4);
        var export = await WriteAsync(ledger, "platform.csv", Row(1), Row(2, status: "作废"), Row(3), Row(3), Row(9));

        var run = await ledger.RunAsync("reconcile", "--against", export, "--json");

        run.ExitCode.ShouldBe(3, run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        foreach (var property in new[] { "left", "right", "matched", "missingInLedger", "missingInOther", "mismatched", "duplicates", "suggestions" })
        {
            json.TryGetProperty(property, out _).ShouldBeTrue(property);
        }

        json.GetProperty("left").GetProperty("name").GetString().ShouldBe("ledger:default@4");
        json.GetProperty("matched").GetInt64().ShouldBe(1);
        json.GetProperty("missingInLedger")[0].GetProperty("key").GetString().ShouldBe(Samples.Number(9));
        json.GetProperty("missingInOther")[0].GetProperty("key").GetString().ShouldBe(Samples.Number(4));
        var mismatch = json.GetProperty("mismatched")[0];
        mismatch.GetProperty("key").GetString().ShouldBe(Samples.Number(2));
        var field = mismatch.GetProperty("fields")[0];
        (field.GetProperty("field").GetString(), field.GetProperty("left").GetString(), field.GetProperty("right").GetString()).ShouldBe(("state", "normal", "voided"));
        var duplicate = json.GetProperty("duplicates")[0];
        duplicate.GetProperty("key").GetString().ShouldBe(Samples.Number(3));
        duplicate.GetProperty("right").GetArrayLength().ShouldBe(2);
        json.GetProperty("run").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task ReconcileHistory_SecondRunWithoutTheDifference_ClosesIt()
    {
        using var ledger = await LedgerWithAsync(2);
        var missing = await WriteAsync(ledger, "first.csv", Row(1));
        var complete = await WriteAsync(ledger, "second.csv", Row(1), Row(2));
        (await ledger.RunAsync("reconcile", "--against", missing)).ExitCode.ShouldBe(3);
        (await ledger.RunAsync("reconcile", "--against", complete)).ExitCode.ShouldBe(0);

        var history = await ledger.RunAsync("reconcile", "history", "--json");

        history.ExitCode.ShouldBe(0, history.Stderr);
        var json = JsonDocument.Parse(history.Stdout).RootElement;
        var runs = json.GetProperty("runs");
        runs.GetArrayLength().ShouldBe(2);
        (runs[0].GetProperty("id").GetInt64(), runs[0].GetProperty("closed").GetInt64()).ShouldBe((2L, 1L));
        (runs[1].GetProperty("id").GetInt64(), runs[1].GetProperty("opened").GetInt64()).ShouldBe((1L, 1L));
        runs[1].GetProperty("right").GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(missing))));
        json.GetProperty("open").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Reconcile_LeftAndRightFiles_NeedNoLedgerAndPeriodFilters()
    {
        using var folder = new TempLedger();
        var left = await WriteAsync(folder, "a.csv", Row(1), Row(2));
        var right = await WriteAsync(folder, "b.csv", Row(1));

        var all = await folder.RunAsync("reconcile", "--left", left, "--right", right, "--json");
        var december = await folder.RunAsync("reconcile", "--left", left, "--right", right, "--period", "2024-12", "--json");

        all.ExitCode.ShouldBe(3, all.Stderr);
        JsonDocument.Parse(all.Stdout).RootElement.GetProperty("missingInOther").GetArrayLength().ShouldBe(1);
        december.ExitCode.ShouldBe(0, december.Stderr);
        JsonDocument.Parse(december.Stdout).RootElement.GetProperty("left").GetProperty("count").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("--period", "2024-13..2024-12")]
    [InlineData("--report", "out.pdf")]
    public async Task Reconcile_BadOption_UsageError(string option, string value)
    {
        using var folder = new TempLedger();
        var left = await WriteAsync(folder, "a.csv", Row(1));

        var run = await folder.RunAsync("reconcile", "--left", left, "--right", left, option, value);

        run.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Reconcile_NotAnExport_UsageErrorWithCode()
    {
        using var folder = new TempLedger();
        var xml = folder.File("invoice.xml");
        await File.WriteAllTextAsync(xml, "<EInvoice/>");

        var run = await folder.RunAsync("reconcile", "--left", xml, "--right", xml);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("reconcile.format");
    }

    [Fact]
    public async Task Reconcile_HtmlReport_SelfContainedAndEveryValueEscaped()
    {
        using var ledger = await LedgerWithAsync(1);
        var hostile = "<script>alert(1)</script>\"&'";
        // The hostile text as an invoice number: reconciliation keeps a row's key as the file gave it.
        var export = await WriteAsync(ledger, "platform.csv", Row(1), $",,\"{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",914403001922038216,x,91330100799655058B,y,2024-11-20,1000.00,60.00,1060.00,数电票（普通发票）,正常,是");
        var report = ledger.File("report.html");

        var run = await ledger.RunAsync("reconcile", "--against", export, "--report", report);

        run.ExitCode.ShouldBe(3, run.Stderr);
        var html = await File.ReadAllTextAsync(report);
        html.ShouldNotContain("<script");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;");
        html.ShouldContain("<svg");
        html.ShouldContain("账本缺失");
        html.ShouldContain("missing in ledger");
        // Self-contained: no outside reference of any kind.
        html.ShouldNotMatch("(src|href)=");
        // Every tag is one the report writes, and they balance.
        var tags = Tag().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();
        tags.Except(["!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "small", "strong", "table", "tr", "th", "td", "code", "svg", "text", "rect"]).ShouldBeEmpty();
        foreach (var element in new[] { "table", "tr", "td", "svg", "h2" })
        {
            Regex.Count(html, $"<{element}[ >]").ShouldBe(Regex.Count(html, $"</{element}>"), element);
        }
    }

    [Theory]
    [InlineData("report.xlsx")]
    [InlineData("report.csv")]
    public async Task Reconcile_XlsxAndCsvReports_HoldEveryClassWithKeysAsText(string name)
    {
        using var ledger = await LedgerWithAsync(2);
        var export = await WriteAsync(ledger, "platform.csv", Row(1, total: "1061.00"), Row(3));
        var report = ledger.File(name);

        (await ledger.RunAsync("reconcile", "--against", export, "--report", report)).ExitCode.ShouldBe(3);

        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            var lines = await File.ReadAllLinesAsync(report);
            lines.ShouldContain(l => l.StartsWith("missingInLedger," + Samples.Number(3), StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("missingInOther," + Samples.Number(2), StringComparison.Ordinal));
            lines.ShouldContain($"mismatched,{Samples.Number(1)},total,1060.00,1061.00,ledger#0,platform.csv:2");
            return;
        }

        using var zip = ZipFile.OpenRead(report);
        var sheets = zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        sheets.ShouldBe(7);
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        foreach (var sheet in new[] { "summary", "missingInLedger", "missingInOther", "mismatched", "duplicates", "suggestions", "unreadable" })
        {
            workbook.ShouldContain($"name=\"{sheet}\"");
        }

        var all = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        all.ShouldContain(Samples.Number(3));
        all.ShouldNotContain("2.41120000000000E+19");
    }

    [Fact]
    public async Task Trace_KeyOnlyInThePlatformExport_SaysNotSubmittedAndCitesTheRun()
    {
        using var ledger = await LedgerWithAsync(1);
        var export = await WriteAsync(ledger, "platform.csv", Row(1), Row(2));
        (await ledger.RunAsync("reconcile", "--against", export)).ExitCode.ShouldBe(3);

        var trace = await ledger.RunAsync("trace", Samples.Number(2), "--json");
        var found = await ledger.RunAsync("trace", Samples.Number(1), "--json");

        trace.ExitCode.ShouldBe(5, trace.Stderr);
        var json = JsonDocument.Parse(trace.Stdout).RootElement;
        json.GetProperty("cause").GetString().ShouldBe("notSubmitted");
        var evidence = json.GetProperty("explanations")[0].GetProperty("evidence")[0];
        evidence.GetProperty("cite").GetString()!.ShouldStartWith("reconciliation run 1");
        evidence.GetProperty("source").GetString().ShouldBe("platform.csv");
        json.GetProperty("explanations")[0].GetProperty("nextStep").GetString()!.ShouldContain("ingest");
        found.ExitCode.ShouldBe(0, found.Stderr);
        JsonDocument.Parse(found.Stdout).RootElement.GetProperty("cause").GetString().ShouldBe("inLedger");
    }

    [Fact]
    public async Task Trace_EvidenceNamesTheKeptOriginalAndPlace_OfEventsAndQuarantineItems()
    {
        using var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("in.jsonl");
        var refused = Samples.Invoice(2);
        refused["total"] = "9999.00";
        await File.WriteAllTextAsync(input, Samples.Lines([Samples.Invoice(1), refused]));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(input)));
        (await ledger.RunAsync("ingest", input)).ExitCode.ShouldNotBe(0);

        var inLedger = await ledger.RunAsync("trace", Samples.Number(1), "--json");
        var rejected = await ledger.RunAsync("trace", Samples.Number(2), "--json");
        var human = await ledger.RunAsync("trace", Samples.Number(1));

        var evidence = JsonDocument.Parse(inLedger.Stdout).RootElement.GetProperty("explanations")[0].GetProperty("evidence")[0];
        evidence.GetProperty("kind").GetString().ShouldBe("event");
        evidence.GetProperty("original").GetString().ShouldBe($"{sha}@line:1");
        var quarantined = JsonDocument.Parse(rejected.Stdout).RootElement;
        quarantined.GetProperty("cause").GetString().ShouldBe("rejected", rejected.Stdout);
        quarantined.GetProperty("explanations")[0].GetProperty("evidence")[0].GetProperty("original").GetString().ShouldBe($"{sha}@line:2");
        human.Stdout.ShouldContain($"original: {sha}@line:1");
    }

    [GeneratedRegex("<([!a-zA-Z0-9]+)")]
    private static partial Regex Tag();
}
