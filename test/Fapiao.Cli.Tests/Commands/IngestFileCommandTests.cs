using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fapiao.Cli.Tests.Support;
using Fapiao.Tests.Formats.Ofd;
using Fapiao.Tests.Formats.Xml;
using Fapiao.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao ingest</c> of whole invoice files: the real OFD fixtures and a 数电 XML, then read back with <c>show</c>.</summary>
public sealed class IngestFileCommandTests
{
    [Theory]
    [MemberData(nameof(OfdFixtureInvoices.Fixtures), MemberType = typeof(OfdFixtureInvoices))]
    public async Task Ingest_RealOfdFile_IsOneInvoiceThatShowGivesBackExactly(string fixture)
    {
        var expected = OfdFixtureInvoices.Of(fixture);
        using var ledger = await new TempLedger().InitAsync();
        var file = SharedFixtures.PathOf("ofd", fixture);
        var results = ledger.File("r.jsonl");

        var run = await ledger.RunAsync("ingest", file, "--json", "--results", results);

        run.ExitCode.ShouldBe(0, run.Stderr + run.Stdout);
        var result = JsonDocument.Parse(File.ReadAllLines(results).ShouldHaveSingleItem()).RootElement;
        result.GetProperty("outcome").GetString().ShouldBe("accepted");
        result.GetProperty("source").GetString().ShouldBe($"{file}:{expected.Part}");
        var show = await ledger.RunAsync("show", expected.Key, "--json");
        show.ExitCode.ShouldBe(0, show.Stderr);
        var invoice = JsonNode.Parse(show.Stdout)!["invoice"];
        JsonNode.DeepEquals(invoice, JsonNode.Parse(expected.Json)).ShouldBeTrue($"shown: {invoice?.ToJsonString()}");
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_ShudianQrThenItsOfd_EnrichesTheRecord()
    {
        using var ledger = await new TempLedger().InitAsync();
        var qr = ledger.File("scan.txt");
        await File.WriteAllTextAsync(qr, "01,31,,24112000000048542163,4449.00,20240528,,B2B6\n");

        var first = await ledger.RunAsync("ingest", qr, "--json");
        var second = await ledger.RunAsync("ingest", SharedFixtures.PathOf("ofd", "shudian-special-2024.ofd"), "--format", "ofd", "--json");

        first.ExitCode.ShouldBe(0, first.Stderr);
        second.ExitCode.ShouldBe(0, second.Stderr);
        JsonDocument.Parse(second.Stdout).RootElement.GetProperty("enriched").GetInt32().ShouldBe(1);
        var invoice = JsonNode.Parse((await ledger.RunAsync("show", "24112000000048542163", "--json")).Stdout)!["invoice"]!;
        invoice["seller"]!["name"]!.GetValue<string>().ShouldBe("北京互联三六五科技有限公司");
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_ShudianXmlFile_IsOneInvoiceWithItsLines()
    {
        using var ledger = await new TempLedger().InitAsync();
        var file = ledger.File("invoice.xml");
        await File.WriteAllTextAsync(file, ShudianXmlSample.Text);
        var results = ledger.File("r.jsonl");

        var run = await ledger.RunAsync("ingest", file, "--format", "xml", "--json", "--results", results);

        run.ExitCode.ShouldBe(0, run.Stderr + run.Stdout);
        JsonDocument.Parse(File.ReadAllLines(results).ShouldHaveSingleItem()).RootElement.GetProperty("source").GetString().ShouldBe(file);
        var invoice = JsonNode.Parse((await ledger.RunAsync("show", ShudianXmlSample.Number, "--json")).Stdout)!["invoice"]!;
        invoice["type"]!.GetValue<string>().ShouldBe("31");
        invoice["issueDate"]!.GetValue<string>().ShouldBe("2023-02-23");
        invoice["total"]!.GetValue<string>().ShouldBe("1060.13");
        invoice["lines"]!.AsArray().Select(l => l!["amount"]!.GetValue<string>()).ShouldBe(["1000.00", "0.12"]);
    }

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "dtd.xml", "xml.dtd" },
        { "bomb.ofd", "zip.bomb" },
        { "slip.ofd", "zip.path" },
        { "truncated.ofd", "zip.corrupt" },
        { "notes.ofd", "ofd.layoutUnknown" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Ingest_HostileFile_IsQuarantinedWithItsCodeAndExits3(string name, string code)
    {
        using var ledger = await new TempLedger().InitAsync();
        var file = ledger.File(name);
        await File.WriteAllBytesAsync(file, Hostile(name));

        var run = await ledger.RunAsync("ingest", file, "--json");

        run.ExitCode.ShouldBe(3, run.Stderr + run.Stdout);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("rejected").GetInt32().ShouldBe(1);
        var list = await ledger.RunAsync("quarantine", "list", "--json");
        list.Stdout.ShouldContain(code);
        var item = JsonNode.Parse((await ledger.RunAsync("quarantine", "show", "1", "--json")).Stdout)!;
        item["rawLength"]!.GetValue<long>().ShouldBe(new FileInfo(file).Length);
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_HalfGigabyteZipBomb_IsQuarantinedInBoundedMemory()
    {
        using var ledger = await new TempLedger().InitAsync();
        var file = ledger.File("bomb.ofd");
        await using (var output = File.Create(file))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            await using var entry = zip.CreateEntry("OFD.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 512; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        var (run, peak) = await FapiaoProcess.RunSamplingPeakAsync(ledger.Data, "ingest", file, "--json");
        run.ExitCode.ShouldBe(3, run.Stderr);
        peak.ShouldBeGreaterThan(10L << 20, "the sampler must have seen the process");
        peak.ShouldBeLessThan(300L << 20, "the 512 MiB part must never be inflated whole");
        (await ledger.RunAsync("quarantine", "list", "--json")).Stdout.ShouldContain("zip.bomb");
    }

    private static byte[] Hostile(string name) => name switch
    {
        "dtd.xml" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><EInvoice>&x;</EInvoice>"),
        "bomb.ofd" => Zip("OFD.xml", new byte[20 << 20]),
        "slip.ofd" => Zip("../../../tmp/evil.sh", "echo pwned"u8.ToArray()),
        "truncated.ofd" => File.ReadAllBytes(SharedFixtures.PathOf("ofd", "xbrl-attachment-2022.ofd"))[..9000],
        "notes.ofd" => Zip("notes.txt", "not an invoice"u8.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Zip(string entry, byte[] data)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            stream.Write(data);
        }

        return memory.ToArray();
    }
}
