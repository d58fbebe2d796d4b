using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Robustness;

/// <summary>Hostile and malformed input: exit 3, every item quarantined with a code, bounded, and the ledger still verifies.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, byte[], string> Items => new()
    {
        { "broken JSON", "{\"number\": \"1\","u8.ToArray(), "json.syntax" },
        { "invalid UTF-8", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "encoding.invalid" },
        { "deep nesting", Encoding.ASCII.GetBytes("{\"lines\":" + new string('[', 5000) + new string(']', 5000) + "}"), "json.depth" },
        { "huge number", Encoding.ASCII.GetBytes("{\"number\":\"24112000000000012345\",\"type\":\"31\",\"issueDate\":\"2024-11-20\",\"total\":1" + new string('9', 50) + "}"), "amount.format" },
        { "control characters", Encoding.ASCII.GetBytes("{\"number\":\"24112000000000012345\",\"type\":\"31\",\"issueDate\":\"2024-11-20\",\"remarks\":\"a\\u0007b\"}"), "text.control" },
        { "a JSON array per line", "[1,2,3]"u8.ToArray(), "json.type" },
        { "NUL bytes", [0, 0, 0, 0], "json.syntax" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public async Task Ingest_HostileItem_IsQuarantinedWithItsCodeAndTheLedgerVerifies(string because, byte[] item, string code)
    {
        using var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("in.jsonl");
        var good = Encoding.UTF8.GetBytes(Samples.Invoice(1).ToJsonString() + "\n");
        await File.WriteAllBytesAsync(input, [.. good, .. item, (byte)'\n', .. Encoding.UTF8.GetBytes(Samples.Invoice(2).ToJsonString() + "\n")]);

        var run = await ledger.RunAsync("ingest", input, "--json", "--format", "jsonl", "--results", ledger.File("r.jsonl"));

        run.ExitCode.ShouldBe(3, because + run.Stderr);
        var outcomes = (await File.ReadAllLinesAsync(ledger.File("r.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        outcomes.Select(o => o.GetProperty("outcome").GetString()).ShouldBe(["accepted", "rejected", "accepted"], because);
        outcomes[1].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldContain(code, because);
        (await ledger.RunAsync("quarantine", "list", "--json")).Stdout.ShouldContain(code);
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_FiftyMegabyteLine_IsQuarantinedInBoundedMemory()
    {
        using var ledger = await new TempLedger().InitAsync();
        var input = ledger.File("big.jsonl");
        await using (var file = File.Create(input))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(Samples.Invoice(1).ToJsonString() + "\n{\"remarks\":\""));
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                await file.WriteAsync(chunk);
            }

            await file.WriteAsync("\"}\n"u8.ToArray());
        }

        var (run, peak) = await FapiaoProcess.RunSamplingPeakAsync(ledger.Data, "ingest", input, "--json");
        run.ExitCode.ShouldBe(3, run.Stderr);
        using var summary = JsonDocument.Parse(run.Stdout);
        summary.RootElement.GetProperty("accepted").GetInt32().ShouldBe(1);
        summary.RootElement.GetProperty("rejected").GetInt32().ShouldBe(1);
        peak.ShouldBeGreaterThan(10L << 20, "the sampler must have seen the process");
        peak.ShouldBeLessThan(300L << 20, "the 50 MB line must not be held in memory whole");
        var item = JsonDocument.Parse((await ledger.RunAsync("quarantine", "show", "1", "--json")).Stdout).RootElement;
        item.GetProperty("rawLength").GetInt64().ShouldBeGreaterThan(50L << 20);
        item.GetProperty("rawTruncated").GetBoolean().ShouldBeTrue();
    }
}
