using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;
using Fapiao.Formats.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao quarantine list|show|original|resubmit</c>: refused items kept whole, corrected and linked, never deleted.</summary>
public sealed class QuarantineCommandTests
{
    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A ledger with one refused item (quarantine #1): invoice 1 with a wrong total, on line 2 after a good one.</summary>
    private static async Task<TempLedger> WithRejectedAsync()
    {
        var ledger = await new TempLedger().InitAsync();
        var bad = Samples.Invoice(2);
        bad["total"] = "9.99";
        await File.WriteAllTextAsync(ledger.File("batch.jsonl"), Samples.Lines([Samples.Invoice(1), bad]));
        (await ledger.RunAsync("ingest", ledger.File("batch.jsonl"))).ExitCode.ShouldBe(3);
        return ledger;
    }

    private static async Task<JsonElement> ShowAsync(TempLedger ledger, long id)
    {
        var show = await ledger.RunAsync("quarantine", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        show.ExitCode.ShouldBe(0, show.Stderr);
        return JsonDocument.Parse(show.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task Show_RejectedItem_NamesItsOriginalAndLineAndIsOpen()
    {
        using var ledger = await WithRejectedAsync();

        var item = await ShowAsync(ledger, 1);

        item.GetProperty("original").GetProperty("sha256").GetString().ShouldBe(Sha256(await File.ReadAllBytesAsync(ledger.File("batch.jsonl"))));
        item.GetProperty("original").GetProperty("place").GetString().ShouldBe("line:2");
        item.GetProperty("resolution").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Original_QuarantinedItem_GivesBackTheWholeFile()
    {
        using var ledger = await WithRejectedAsync();

        var run = await ledger.RunAsync("quarantine", "original", "1", "--out", ledger.File("back.jsonl"));

        run.ExitCode.ShouldBe(0, run.Stderr);
        (await File.ReadAllBytesAsync(ledger.File("back.jsonl"))).ShouldBe(await File.ReadAllBytesAsync(ledger.File("batch.jsonl")));
    }

    [Fact]
    public async Task Original_HostileFile_IsKeptAndRetrievable()
    {
        using var ledger = await new TempLedger().InitAsync();
        var garbage = HostilePdfs.Garbage(10_000);
        await File.WriteAllBytesAsync(ledger.File("garbage.pdf"), garbage);
        var ingest = await ledger.RunAsync("ingest", ledger.File("garbage.pdf"));
        ingest.ExitCode.ShouldBe(3);

        var list = await ledger.RunAsync("quarantine", "list", "--json");
        var back = await ledger.RunAsync("quarantine", "original", "1", "--out", ledger.File("back.pdf"));

        var item = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single();
        item.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldContain("pdf.unreadable");
        item.GetProperty("original").GetProperty("sha256").GetString().ShouldBe(Sha256(garbage));
        item.GetProperty("original").GetProperty("place").GetString().ShouldBe("file");
        back.ExitCode.ShouldBe(0, back.Stderr);
        (await File.ReadAllBytesAsync(ledger.File("back.pdf"))).ShouldBe(garbage);
    }

    [Fact]
    public async Task Resubmit_CorrectedItem_IsRecordedAndLinkedAndTheItemSaysHow()
    {
        using var ledger = await WithRejectedAsync();
        await File.WriteAllTextAsync(ledger.File("fixed.jsonl"), Samples.Lines([Samples.Invoice(2)]));

        var run = await ledger.RunAsync("quarantine", "resubmit", "1", ledger.File("fixed.jsonl"), "--json");

        run.ExitCode.ShouldBe(0, run.Stderr + run.Stdout);
        var result = JsonDocument.Parse(run.Stdout).RootElement;
        result.GetProperty("outcome").GetString().ShouldBe("accepted");
        var resolution = (await ShowAsync(ledger, 1)).GetProperty("resolution");
        resolution.GetProperty("key").GetString().ShouldBe(Samples.Number(2));
        resolution.GetProperty("event").GetInt64().ShouldBe(2);
        var history = JsonDocument.Parse((await ledger.RunAsync("show", Samples.Number(2), "--json")).Stdout).RootElement.GetProperty("events");
        history.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["recorded", "quarantineResolved"]);
        var listed = await ledger.RunAsync("quarantine", "list");
        listed.Stdout.ShouldContain("by event 2 (quarantineResolved) for " + Samples.Number(2));
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);

        var again = await ledger.RunAsync("quarantine", "resubmit", "1", ledger.File("fixed.jsonl"));
        again.ExitCode.ShouldBe(2);
        again.Stderr.ShouldContain("resolved already");
    }

    [Fact]
    public async Task Resubmit_StillWrong_StaysOpenAndShowsTheNewProblems()
    {
        using var ledger = await WithRejectedAsync();
        var stillBad = Samples.Invoice(2);
        stillBad["issueDate"] = "2024-02-30";
        await File.WriteAllTextAsync(ledger.File("fixed.jsonl"), Samples.Lines([stillBad]));

        var run = await ledger.RunAsync("quarantine", "resubmit", "1", ledger.File("fixed.jsonl"));

        run.ExitCode.ShouldBe(3);
        run.Stdout.ShouldContain("quarantine #1 stays open");
        run.Stdout.ShouldContain("date.format");
        (await ShowAsync(ledger, 1)).GetProperty("resolution").ValueKind.ShouldBe(JsonValueKind.Null);
        var items = JsonDocument.Parse((await ledger.RunAsync("quarantine", "list", "--json")).Stdout).RootElement;
        items.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Resubmit_FileWithSeveralItems_IsRefusedAndNothingIsWritten()
    {
        using var ledger = await WithRejectedAsync();
        await File.WriteAllTextAsync(ledger.File("two.jsonl"), Samples.Lines([Samples.Invoice(2), Samples.Invoice(3)]));

        var run = await ledger.RunAsync("quarantine", "resubmit", "1", ledger.File("two.jsonl"));

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("more than one item");
        (await ledger.RunAsync("show", Samples.Number(2))).ExitCode.ShouldBe(5);
    }

    [Fact]
    public async Task Resubmit_UnknownItem_IsNotFound()
    {
        using var ledger = await WithRejectedAsync();
        await File.WriteAllTextAsync(ledger.File("fixed.jsonl"), Samples.Lines([Samples.Invoice(2)]));

        (await ledger.RunAsync("quarantine", "resubmit", "7", ledger.File("fixed.jsonl"))).ExitCode.ShouldBe(5);
    }
}
