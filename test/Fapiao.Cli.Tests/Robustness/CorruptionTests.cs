using System.Text;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Robustness;

/// <summary>Any single byte of an invoice value changed in the database file is found by verify.</summary>
public sealed class CorruptionTests
{
    [Fact]
    public async Task Verify_OneByteOfAnInvoiceValueChangedInTheFile_Fails()
    {
        using var ledger = await new TempLedger().InitAsync();
        var invoice = Samples.Invoice(1);
        invoice["total"] = "1060.00";
        invoice["buyer"]!["name"] = "独一无二的买方名称有限公司";
        await File.WriteAllTextAsync(ledger.File("in.jsonl"), Samples.Lines([invoice, Samples.Invoice(2)]));
        (await ledger.RunAsync("ingest", ledger.File("in.jsonl"))).ExitCode.ShouldBe(0);
        var database = Path.Combine(ledger.Data, "ledger.db");
        File.Exists(database + "-wal").ShouldBeFalse("the last connection checkpoints the WAL into the file");
        var pristine = await File.ReadAllBytesAsync(database);

        var places = new List<int>();
        foreach (var needle in new[] { Samples.Number(1), "独一无二的买方名称有限公司", "91330100799655058B" })
        {
            var bytes = Encoding.UTF8.GetBytes(needle);
            for (var at = pristine.AsSpan().IndexOf(bytes); at >= 0;)
            {
                places.Add(at + bytes.Length - 1);
                var next = pristine.AsSpan(at + 1).IndexOf(bytes);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        places.Count.ShouldBeGreaterThanOrEqualTo(4, "the values live in the event and in the projection");
        foreach (var place in places)
        {
            var damaged = (byte[])pristine.Clone();
            damaged[place] ^= 0x01;
            await File.WriteAllBytesAsync(database, damaged);

            var verify = await ledger.RunAsync("verify", "--json");

            verify.ExitCode.ShouldBe(4, $"byte {place}: {verify.Stdout}{verify.Stderr}");
        }

        await File.WriteAllBytesAsync(database, pristine);
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }
}
