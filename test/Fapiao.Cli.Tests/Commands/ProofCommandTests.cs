using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary>receipt, checkpoint, consistency, key public, verify-receipt — checked by outside tools where one exists.</summary>
public sealed class ProofCommandTests
{
    private static async Task<TempLedger> LedgerWithInvoicesAsync(int count)
    {
        var ledger = await new TempLedger().InitAsync();
        for (var batch = 0; batch < 2; batch++)
        {
            var input = ledger.File($"in{batch}.jsonl");
            await File.WriteAllTextAsync(input, Samples.Lines(Enumerable.Range(batch * count, count).Select(Samples.Invoice)));
            (await ledger.RunAsync("ingest", input)).ExitCode.ShouldBe(0);
        }

        return ledger;
    }

    [Fact]
    public async Task Receipt_CheckpointSignature_VerifiesWithOpenSsl()
    {
        using var ledger = await LedgerWithInvoicesAsync(5);
        var receipt = await ledger.RunAsync("receipt", Samples.Number(3), "--json");
        receipt.ExitCode.ShouldBe(0, receipt.Stderr);
        using var json = JsonDocument.Parse(receipt.Stdout);
        var checkpoint = json.RootElement.GetProperty("checkpoint");
        await File.WriteAllTextAsync(ledger.File("body.txt"), checkpoint.GetProperty("body").GetString());
        await File.WriteAllBytesAsync(ledger.File("sig.der"), checkpoint.GetProperty("signature").GetBytesFromBase64());
        await File.WriteAllTextAsync(ledger.File("pub.pem"), (await ledger.RunAsync("key", "public")).Stdout);

        var openssl = await RunAsync("openssl", "dgst", "-sha256", "-verify", ledger.File("pub.pem"), "-signature", ledger.File("sig.der"), ledger.File("body.txt"));

        openssl.Output.ShouldContain("Verified OK");
        openssl.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task VerifyReceipt_Offline_PassesAndFailsWhenAnyPartIsChanged()
    {
        using var ledger = await LedgerWithInvoicesAsync(5);
        var receiptText = (await ledger.RunAsync("receipt", Samples.Number(7))).Stdout;
        await File.WriteAllTextAsync(ledger.File("receipt.json"), receiptText);
        await File.WriteAllTextAsync(ledger.File("pub.pem"), (await ledger.RunAsync("key", "public")).Stdout);
        var offline = new TempLedger();

        var ok = await offline.RunAsync("verify-receipt", ledger.File("receipt.json"), "--key", ledger.File("pub.pem"), "--json");

        ok.ExitCode.ShouldBe(0, ok.Stdout + ok.Stderr);
        JsonDocument.Parse(ok.Stdout).RootElement.GetProperty("signatureChecked").GetBoolean().ShouldBeTrue();
        foreach (var field in new[] { "leafIndex", "treeSize", "key", "event", "rootHash" })
        {
            var tampered = JsonNode.Parse(receiptText)!.AsObject();
            tampered[field] = field switch
            {
                "leafIndex" => 4,
                "treeSize" => 11,
                "key" => Samples.Number(8),
                "event" => Convert.ToBase64String(Encoding.UTF8.GetBytes("{}")),
                _ => Convert.ToBase64String(new byte[32]),
            };
            await File.WriteAllTextAsync(ledger.File("bad.json"), tampered.ToJsonString());
            (await offline.RunAsync("verify-receipt", ledger.File("bad.json"), "--key", ledger.File("pub.pem"))).ExitCode.ShouldBe(4, field);
        }

        offline.Dispose();
    }

    [Fact]
    public async Task Consistency_BetweenTheTwoCheckpoints_HasBothRoots()
    {
        using var ledger = await LedgerWithInvoicesAsync(6);
        var checkpoint = JsonDocument.Parse((await ledger.RunAsync("checkpoint", "--json")).Stdout).RootElement;
        checkpoint.GetProperty("size").GetInt64().ShouldBe(12);

        var run = await ledger.RunAsync("consistency", "--from", "6", "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("size1").GetInt64().ShouldBe(6);
        json.RootElement.GetProperty("size2").GetInt64().ShouldBe(12);
        json.RootElement.GetProperty("root2").GetString().ShouldBe(checkpoint.GetProperty("rootHash").GetString());
        json.RootElement.GetProperty("proof").GetArrayLength().ShouldBeGreaterThan(0);
        (await ledger.RunAsync("consistency", "--from", "13")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Verify_HealthyLedger_Passes()
    {
        using var ledger = await LedgerWithInvoicesAsync(10);

        var run = await ledger.RunAsync("verify", "--json");

        run.ExitCode.ShouldBe(0, run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("ok").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("events").GetInt64().ShouldBe(20);
        (await ledger.RunAsync("verify", "--physical")).ExitCode.ShouldBe(0);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
