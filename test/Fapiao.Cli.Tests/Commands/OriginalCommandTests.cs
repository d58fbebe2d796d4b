using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;
using Fapiao.Formats.Tests.Support;
using Fapiao.Tests.Formats.Ofd;
using Fapiao.Tests.Formats.Xml;
using Fapiao.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao original</c>: every ingested file kept once under its SHA-256 and given back byte for byte.</summary>
public sealed class OriginalCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] QrPng(string qr, int module = 6) => QrImages.Png(QrImages.Render(qr, module));

    /// <summary>The bytes of each kind of input file the ledger reads.</summary>
    private static async Task<byte[]> InputAsync(string kind) => kind switch
    {
        "ofd-edrm" => await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "legacy-einvoice-2020.ofd")),
        "ofd-xbrl" => await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "xbrl-attachment-2022.ofd")),
        "ofd-customtag" => await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "shudian-special-2024.ofd")),
        "xml" => Encoding.UTF8.GetBytes(ShudianXmlSample.Text),
        "pdf" => InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr, module: 3)),
        "png" => QrPng(QrSamples.Legacy.Qr),
        "csv" => await File.ReadAllBytesAsync(Fixture("platform-export.csv")),
        "jsonl" => await File.ReadAllBytesAsync(Fixture("platform-export.jsonl")),
        "xlsx" => await ExportedXlsxAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static async Task<byte[]> ExportedXlsxAsync()
    {
        using var source = await new TempLedger().InitAsync();
        (await source.RunAsync("ingest", Fixture("platform-export.csv"))).ExitCode.ShouldBe(0);
        var exported = source.File("out.xlsx");
        (await source.RunAsync("export", "--format", "xlsx", "--out", exported)).ExitCode.ShouldBe(0);
        return await File.ReadAllBytesAsync(exported);
    }

    [Theory]
    [InlineData("ofd-edrm")]
    [InlineData("ofd-xbrl")]
    [InlineData("ofd-customtag")]
    [InlineData("xml")]
    [InlineData("pdf")]
    [InlineData("png")]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("xlsx")]
    public async Task Original_EachKindOfIngestedFile_ComesBackByteForByteUnderItsSha256(string kind)
    {
        using var ledger = await new TempLedger().InitAsync();
        var bytes = await InputAsync(kind);
        var file = ledger.File("input." + kind);
        await File.WriteAllBytesAsync(file, bytes);
        var ingest = await ledger.RunAsync("ingest", file, "--json");
        ingest.ExitCode.ShouldBe(0, ingest.Stderr + ingest.Stdout);
        var back = ledger.File("back");

        var run = await ledger.RunAsync("original", Sha256(bytes), "--out", back);

        run.ExitCode.ShouldBe(0, run.Stderr);
        (await File.ReadAllBytesAsync(back)).ShouldBe(bytes);
        Directory.GetFiles(Path.Combine(ledger.Data, "originals", "default"), Sha256(bytes), SearchOption.AllDirectories).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Original_StandardInput_IsKeptAndEachEventNamesItsLine()
    {
        using var ledger = await new TempLedger().InitAsync();
        var bytes = Encoding.UTF8.GetBytes(Samples.Lines([Samples.Invoice(1), Samples.Invoice(2)]));
        (await ledger.RunWithInputAsync(bytes, "ingest", "-")).ExitCode.ShouldBe(0);

        var list = await ledger.RunAsync("original", Samples.Number(2), "--list", "--json");
        var toStdout = await ledger.RunAsync("original", Samples.Number(2));

        list.ExitCode.ShouldBe(0, list.Stderr);
        var named = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single();
        (named.GetProperty("kind").GetString(), named.GetProperty("sha256").GetString(), named.GetProperty("place").GetString())
            .ShouldBe(("recorded", Sha256(bytes), "line:2"));
        toStdout.ExitCode.ShouldBe(0, toStdout.Stderr);
        toStdout.Stdout.ShouldBe(Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Original_KeyWhoseEventsNameSeveralFiles_ListsThemAndAsksForOne()
    {
        using var ledger = await new TempLedger().InitAsync();
        var scan = QrPng(QrSamples.Shudian.Qr);
        var pdf = InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr, module: 3));
        await File.WriteAllBytesAsync(ledger.File("scan.png"), scan);
        await File.WriteAllBytesAsync(ledger.File("invoice.pdf"), pdf);
        (await ledger.RunAsync("ingest", ledger.File("scan.png"))).ExitCode.ShouldBe(0);
        (await ledger.RunAsync("ingest", ledger.File("invoice.pdf"))).ExitCode.ShouldBe(0);

        var ambiguous = await ledger.RunAsync("original", "24112000000048542163", "--out", ledger.File("back"));
        var list = await ledger.RunAsync("original", "24112000000048542163", "--list", "--json");

        ambiguous.ExitCode.ShouldBe(2);
        ambiguous.Stderr.ShouldContain("original.ambiguous");
        ambiguous.Stderr.ShouldContain(Sha256(scan));
        ambiguous.Stderr.ShouldContain(Sha256(pdf));
        File.Exists(ledger.File("back")).ShouldBeFalse();
        JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("sha256").GetString(), e.GetProperty("place").GetString()))
            .ShouldBe([("recorded", Sha256(scan), "file"), ("enriched", Sha256(pdf), "page:1")]);
    }

    [Fact]
    public async Task Original_StoredFileChanged_IsDetectedAndNothingIsWritten()
    {
        using var ledger = await new TempLedger().InitAsync();
        var bytes = await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "legacy-einvoice-2020.ofd"));
        await File.WriteAllBytesAsync(ledger.File("a.ofd"), bytes);
        (await ledger.RunAsync("ingest", ledger.File("a.ofd"))).ExitCode.ShouldBe(0);
        var stored = Directory.GetFiles(Path.Combine(ledger.Data, "originals"), Sha256(bytes), SearchOption.AllDirectories).Single();
        var changed = (byte[])bytes.Clone();
        changed[^100] ^= 0x01;
        await File.WriteAllBytesAsync(stored, changed);

        var run = await ledger.RunAsync("original", OfdFixtureInvoices.Of("legacy-einvoice-2020.ofd").Key, "--out", ledger.File("back.ofd"));

        run.ExitCode.ShouldBe(4);
        run.Stderr.ShouldContain("original.tampered");
        File.Exists(ledger.File("back.ofd")).ShouldBeFalse();
        File.Exists(ledger.File("back.ofd.part")).ShouldBeFalse();
    }

    [Fact]
    public async Task Verify_KeptOriginals_PresenceByDefault_HashesWithOriginalsOption_AndNamesTheFileAtFault()
    {
        using var ledger = await new TempLedger().InitAsync();
        var bytes = await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "legacy-einvoice-2020.ofd"));
        await File.WriteAllBytesAsync(ledger.File("a.ofd"), bytes);
        (await ledger.RunAsync("ingest", ledger.File("a.ofd"))).ExitCode.ShouldBe(0);
        var stored = Directory.GetFiles(Path.Combine(ledger.Data, "originals"), Sha256(bytes), SearchOption.AllDirectories).Single();

        var sound = await ledger.RunAsync("verify", "--originals", "--json");
        var changed = (byte[])bytes.Clone();
        changed[^100] ^= 0x01;
        await File.WriteAllBytesAsync(stored, changed);
        var presenceOnly = await ledger.RunAsync("verify", "--json");
        var hashed = await ledger.RunAsync("verify", "--originals", "--json");
        File.Delete(stored);
        var missing = await ledger.RunAsync("verify", "--json");

        sound.ExitCode.ShouldBe(0, sound.Stdout + sound.Stderr);
        JsonDocument.Parse(sound.Stdout).RootElement.GetProperty("originals").GetInt32().ShouldBe(1);
        presenceOnly.ExitCode.ShouldBe(0, "without --originals only the presence of each file is checked");
        hashed.ExitCode.ShouldBe(4);
        var damaged = JsonDocument.Parse(hashed.Stdout).RootElement.GetProperty("failure");
        damaged.GetProperty("subject").GetString().ShouldBe("original");
        damaged.GetProperty("message").GetString()!.ShouldContain(Sha256(bytes) + ", which events of the log name, no longer hashes to its name");
        missing.ExitCode.ShouldBe(4);
        JsonDocument.Parse(missing.Stdout).RootElement.GetProperty("failure").GetProperty("message").GetString()!.ShouldContain("is missing from");
    }

    [Fact]
    public async Task Original_UnknownHashOrKey_IsNotFound()
    {
        using var ledger = await new TempLedger().InitAsync();

        (await ledger.RunAsync("original", Sha256([1]))).ExitCode.ShouldBe(5);
        (await ledger.RunAsync("original", Samples.Number(1))).ExitCode.ShouldBe(5);
        (await ledger.RunAsync("original", "not-a-key")).ExitCode.ShouldBe(2);
    }
}
