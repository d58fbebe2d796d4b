using System.Text.Json;
using Fapiao.Cli.Tests.Support;
using Fapiao.Formats.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao ingest</c> on whole files: a photo of a QR code, a PDF e-invoice.</summary>
public sealed class IngestFilesTests
{
    private static byte[] QrPng(string qr, int module = 6) => QrImages.Png(QrImages.Render(qr, module));

    [Fact]
    public async Task Ingest_QrPhotoAndPdf_AreDetectedRecordedAndShown()
    {
        using var ledger = await new TempLedger().InitAsync();
        var photo = ledger.File("scan.jpg");
        await File.WriteAllBytesAsync(photo, QrImages.Jpeg(QrImages.Rotate(QrImages.Render(QrSamples.Legacy.Qr), 90), 70));
        var pdf = ledger.File("invoice.pdf");
        await File.WriteAllBytesAsync(pdf, InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr, module: 3)));

        var run = await ledger.RunAsync("ingest", photo, pdf, "--json");

        run.ExitCode.ShouldBe(0, run.Stderr + run.Stdout);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
        var legacy = await ShowAsync(ledger, "011002680026-71500013");
        (legacy.GetProperty("amount").GetString(), legacy.GetProperty("checkCode").GetString(), legacy.GetProperty("issueDate").GetString())
            .ShouldBe(("9709.00", "03272875819686271285", "2020-02-20"));
        var shudian = await ShowAsync(ledger, "24112000000048542163");
        (shudian.GetProperty("amount").GetString(), shudian.GetProperty("tax").GetString(), shudian.GetProperty("total").GetString())
            .ShouldBe(("4197.17", "251.83", "4449.00"));
        shudian.GetProperty("seller").GetProperty("name").GetString().ShouldBe("华为技术有限公司");
        shudian.GetProperty("buyer").GetProperty("taxId").GetString().ShouldBe("91330100799655058B");
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_QrScanThenItsPdf_EnrichesTheRecord()
    {
        using var ledger = await new TempLedger().InitAsync();
        var scan = ledger.File("scan.png");
        await File.WriteAllBytesAsync(scan, QrPng(QrSamples.Shudian.Qr));
        var pdf = ledger.File("invoice.pdf");
        await File.WriteAllBytesAsync(pdf, InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr, module: 3)));

        var first = await ledger.RunAsync("ingest", scan, "--format", "image", "--json");
        var second = await ledger.RunAsync("ingest", pdf, "--format", "pdf", "--json");

        first.ExitCode.ShouldBe(0, first.Stderr);
        second.ExitCode.ShouldBe(0, second.Stderr);
        JsonDocument.Parse(second.Stdout).RootElement.GetProperty("enriched").GetInt32().ShouldBe(1);
        (await ShowAsync(ledger, "24112000000048542163")).GetProperty("seller").GetProperty("taxId").GetString().ShouldBe("914403001922038216");
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_PngOnStandardInput_IsDetectedByItsMagicNumber()
    {
        using var ledger = await new TempLedger().InitAsync();

        var run = await ledger.RunWithInputAsync(QrPng(QrSamples.Shudian.Qr), "ingest", "-", "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        (await ShowAsync(ledger, "24112000000048542163")).GetProperty("total").GetString().ShouldBe("4449.00");
    }

    [Fact]
    public async Task Ingest_HostileFiles_AreQuarantinedWithTheirCodesAndExit3()
    {
        using var ledger = await new TempLedger().InitAsync();
        var good = QrPng(QrSamples.Legacy.Qr);
        var mismatch = InvoicePdfs.Build(InvoicePdfs.Shudian(total: "4494.00"), QrPng(QrSamples.Shudian.Qr, module: 3));
        (string Name, byte[] Bytes, string Code)[] files =
        [
            ("huge.png", HostileImages.PngDeclaring(30000, 30000), "image.tooLarge"),
            ("cut.png", HostileImages.Truncated(good, 0.5), "image.unreadable"),
            ("blank.png", HostileImages.Blank(800, 600), "qr.notFound"),
            ("locked.pdf", HostilePdfs.Encrypted(), "pdf.unreadable"),
            ("garbage.pdf", HostilePdfs.Garbage(10_000), "pdf.unreadable"),
            ("mismatch.pdf", mismatch, "pdf.qrTextMismatch"),
        ];
        foreach (var (name, bytes, _) in files)
        {
            await File.WriteAllBytesAsync(ledger.File(name), bytes);
        }

        var results = ledger.File("results.jsonl");
        var run = await ledger.RunAsync(["ingest", .. files.Select(f => ledger.File(f.Name)), "--results", results, "--json"]);

        run.ExitCode.ShouldBe(3, run.Stderr);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("rejected").GetInt32().ShouldBe(files.Length);
        var lines = (await File.ReadAllLinesAsync(results)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("errors")[0].GetProperty("code").GetString()).ShouldBe(files.Select(f => f.Code));
        lines.Select(l => l.GetProperty("source").GetString()).ShouldBe(files.Select(f => ledger.File(f.Name)));
        lines[^1].GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("total");
        (await ledger.RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_LargePhotoAndScannedPdf_FitTheCommandsBoundedHeap()
    {
        using var ledger = await new TempLedger().InitAsync();
        var noisy = QrImages.Noise(QrImages.OnPage(QrImages.Render(QrSamples.Legacy.Qr, module: 10), 2900, 2900, 1200, 1200), 50);
        var photo = ledger.File("photo.png");
        await File.WriteAllBytesAsync(photo, QrImages.Png(noisy));
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(QrImages.Png(QrImages.Noise(QrImages.OnPage(QrImages.Render("scan", 2), 2900, 2900, 0, 0), 50)), new UglyToad.PdfPig.Core.PdfRectangle(0, 0, 595, 842));
        page.AddPng(QrPng(QrSamples.Shudian.Qr, module: 3), new UglyToad.PdfPig.Core.PdfRectangle(20, 740, 100, 820));
        var pdf = ledger.File("scanned.pdf");
        await File.WriteAllBytesAsync(pdf, builder.Build());
        new FileInfo(photo).Length.ShouldBeGreaterThan(5 << 20);

        var run = await ledger.RunAsync("ingest", photo, pdf, "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
    }

    private static async Task<JsonElement> ShowAsync(TempLedger ledger, string key)
    {
        var show = await ledger.RunAsync("show", key, "--json");
        show.ExitCode.ShouldBe(0, show.Stderr);
        return JsonDocument.Parse(show.Stdout).RootElement.GetProperty("invoice").Clone();
    }
}
