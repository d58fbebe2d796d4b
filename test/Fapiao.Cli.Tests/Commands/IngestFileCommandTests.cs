using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fapiao.Cli.Tests.Support;
using Fapiao.Tests.Formats.Xml;
using Fapiao.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao ingest</c> of whole invoice files: the real OFD fixtures and a 数电 XML, then read back with <c>show</c>.</summary>
public sealed class IngestFileCommandTests
{
    /// <summary>Each fixture, the part its invoice is read from, and the invoice as <c>show --json</c> must give it (values read out of the files).</summary>
    public static TheoryData<string, string, string> Fixtures => new()
    {
        {
            "legacy-einvoice-2020.ofd", "Doc_0/Attachs/original_invoice.xml", """
            {"number":"83089647","code":"033002000211","type":"10","issueDate":"2020-07-23",
             "seller":{"taxId":"92330781MA2EDMFU50","name":"兰溪市悦济舫餐厅"},
             "buyer":{"taxId":"91320115MA202UKD7X","name":"江苏京利华新材料有限公司"},
             "lines":[{"name":"*餐饮服务*餐费","quantity":"1","unitPrice":"510.679612","amount":"510.68","taxRate":"0.03","tax":"15.32"}],
             "amount":"510.68","tax":"15.32","total":"526.00","checkCode":"16197833567414507415"}
            """
        },
        {
            "shudian-special-2024.ofd", "Doc_0/Tags/CustomTag.xml", """
            {"number":"24112000000048542163","type":"31","issueDate":"2024-05-28",
             "seller":{"taxId":"91110108690017781B","name":"北京互联三六五科技有限公司"},
             "buyer":{"taxId":"91460300MAA92DJN95","name":"海南麒麟云服科技有限公司"},
             "lines":[{"name":"*信息技术服务*技术服务费","quantity":"1","unitPrice":"4197.16981132075","amount":"4197.17","taxRate":"0.06","tax":"251.83"}],
             "amount":"4197.17","tax":"251.83","total":"4449.00","remarks":"收款人:李蓉蓉;    复核人:周欣铭;"}
            """
        },
        {
            "xbrl-attachment-2022.ofd", "Doc_0/Attachs/inv_ord_issuer_20220901_03300220021199934328.xml", """
            {"number":"99934328","code":"033002200211","type":"10","issueDate":"2022-09-01",
             "seller":{"taxId":"91330106MA7GAL1299","name":"杭州融运科技有限公司"},
             "buyer":{"taxId":"913202133140424571","name":"江苏中电创新环境科技有限公司"},
             "lines":[{"name":"*金属制品*A系列一字形螺丝批3.2x75MM","spec":"62202","unit":"批","quantity":"1","unitPrice":"9.91150442","amount":"9.91","taxRate":"0.13","tax":"1.29"}],
             "amount":"9.91","tax":"1.29","total":"11.20","checkCode":"64484022470182298515"}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Ingest_RealOfdFile_IsOneInvoiceThatShowGivesBackExactly(string fixture, string part, string expected)
    {
        using var ledger = await new TempLedger().InitAsync();
        var file = SharedFixtures.PathOf("ofd", fixture);
        var results = ledger.File("r.jsonl");

        var run = await ledger.RunAsync("ingest", file, "--json", "--results", results);

        run.ExitCode.ShouldBe(0, run.Stderr + run.Stdout);
        var result = JsonDocument.Parse(File.ReadAllLines(results).ShouldHaveSingleItem()).RootElement;
        result.GetProperty("outcome").GetString().ShouldBe("accepted");
        result.GetProperty("source").GetString().ShouldBe($"{file}:{part}");
        var want = JsonNode.Parse(expected)!;
        var key = want["code"] is { } code ? $"{code}-{want["number"]}" : want["number"]!.ToString();
        var show = await ledger.RunAsync("show", key, "--json");
        show.ExitCode.ShouldBe(0, show.Stderr);
        var invoice = JsonNode.Parse(show.Stdout)!["invoice"];
        JsonNode.DeepEquals(invoice, want).ShouldBeTrue($"shown: {invoice?.ToJsonString()}");
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

        var run = await ledger.RunAsync("ingest", file, "--json", "--results", results);

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
