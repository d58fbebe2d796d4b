using Fapiao.Formats.Tests.Support;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Formats.Tests.Pdf;

public sealed class PdfFileReaderTests
{
    private static byte[] QrPng(string qr) => QrImages.Png(QrImages.Render(qr, module: 3));

    [Fact]
    public void Read_ShudianPdf_TakesTheKeyFromTheQrAndTheRestFromTheText()
    {
        var pdf = InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr));

        var submission = Some.Read(pdf);

        submission.Problems.ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe("24112000000048542163");
        invoice.Type.ShouldBe("31");
        invoice.IssueDate.ShouldBe(new DateOnly(2024, 5, 28));
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((4197.17m, 251.83m, 4449.00m));
        invoice.Seller.ShouldNotBeNull().TaxId.ShouldBe("914403001922038216");
        invoice.Seller.Name.ShouldBe("华为技术有限公司");
        invoice.Buyer.ShouldNotBeNull().TaxId.ShouldBe("91330100799655058B");
        invoice.Buyer.Name.ShouldBe("阿里巴巴（中国）有限公司");
        invoice.CheckCode.ShouldBeNull();
        var line = invoice.Lines.ShouldNotBeNull().ShouldHaveSingleItem();
        (line.Name, line.Spec, line.Unit, line.Quantity, line.UnitPrice).ShouldBe(("*信息技术服务*软件开发", null, "项", 1m, 4197.17m));
        (line.Amount, line.TaxRate.Fraction, line.Tax).ShouldBe((4197.17m, 0.06m, 251.83m));
        submission.Raw.ShouldBe(pdf);
    }

    [Fact]
    public void Read_TableWithAWrappedNameAndTwoLines_ReadsBothLines()
    {
        var text = InvoicePdfs.Shudian().Where(t => t.Y != 236).Concat(
        [
            new(20, 236, "*信息技术服务*软件"), new(240, 236, "项"), new(300, 236, "1"),
            new(360, 236, "4000.00"), new(420, 236, "4000.00"), new(480, 236, "6%"), new(540, 236, "240.00"),
            new(20, 224, "开发"),
            new(20, 212, "*现代服务*咨询"), new(420, 212, "197.17"), new(480, 212, "6%"), new(540, 212, "11.83"),
        ]);
        var pdf = InvoicePdfs.Build(text, QrPng(QrSamples.Shudian.Qr));

        var submission = Some.Read(pdf);

        submission.Problems.ShouldBeEmpty();
        var lines = submission.Invoice.ShouldNotBeNull().Lines.ShouldNotBeNull();
        lines.Select(l => (l.Name, l.Amount, l.Tax)).ShouldBe([("*信息技术服务*软件开发", 4000.00m, 240.00m), ("*现代服务*咨询", 197.17m, 11.83m)]);
        (lines[1].Unit, lines[1].Quantity).ShouldBe((null, null));
    }

    [Fact]
    public void Read_TableNotAddingUpToTheSums_LeavesTheLinesOut()
    {
        var text = InvoicePdfs.Shudian().Select(t => t is { Y: 236, X: 420 } ? t with { Value = "4179.17" } : t);
        var pdf = InvoicePdfs.Build(text, QrPng(QrSamples.Shudian.Qr));

        var submission = Some.Read(pdf);

        submission.Problems.ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Lines.ShouldBeNull();
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((4197.17m, 251.83m, 4449.00m));
    }

    [Fact]
    public void Read_LegacyPdf_ReadsCodeCheckCodeAndStackedParties()
    {
        var pdf = InvoicePdfs.Build(InvoicePdfs.Legacy(), QrPng(QrSamples.Legacy.Qr));

        var submission = Some.Read(pdf, InputFormat.Pdf);

        submission.Problems.ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe("011002680026-71500013");
        invoice.Type.ShouldBe("10");
        invoice.CheckCode.ShouldBe("03272875819686271285");
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((9709.00m, 291.27m, 10000.27m));
        invoice.Buyer.ShouldNotBeNull().Name.ShouldBe("阿里巴巴（中国）有限公司");
        invoice.Seller.ShouldNotBeNull().TaxId.ShouldBe("914403001922038216");
        var line = invoice.Lines.ShouldNotBeNull().ShouldHaveSingleItem();
        (line.Name, line.Amount, line.TaxRate.Fraction, line.Tax).ShouldBe(("*信息技术服务*技术咨询费", 9709.00m, 0.03m, 291.27m));
    }

    [Theory]
    [InlineData("number")]
    [InlineData("issueDate")]
    [InlineData("total")]
    public void Read_TextDisagreesWithQr_IsRejectedNamingTheField(string field)
    {
        var text = field switch
        {
            "number" => InvoicePdfs.Shudian(number: "24112000000048542164"),
            "issueDate" => InvoicePdfs.Shudian(date: "2024年05月29日"),
            _ => InvoicePdfs.Shudian(total: "4494.00"),
        };
        var pdf = InvoicePdfs.Build(text, QrPng(QrSamples.Shudian.Qr));

        var submission = Some.Read(pdf);

        submission.Invoice.ShouldBeNull();
        var problem = submission.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Field).ShouldBe(("pdf.qrTextMismatch", field));
    }

    [Fact]
    public void Read_LegacyTextAmountDisagreesWithQr_NamesTheAmountAndTheCheckCode()
    {
        var text = InvoicePdfs.Legacy().Select(t => t.Value switch
        {
            "¥9709.00" => t with { Value = "¥9790.00" },
            "校 验 码：03272 87581 96862 71285" => t with { Value = "校 验 码：03272 87581 96862 71286" },
            _ => t,
        });
        var pdf = InvoicePdfs.Build(text, QrPng(QrSamples.Legacy.Qr));

        var submission = Some.Read(pdf);

        submission.Invoice.ShouldBeNull();
        submission.Problems.Select(p => (p.Code, p.Field)).ShouldBe([("pdf.qrTextMismatch", "checkCode"), ("pdf.qrTextMismatch", "amount")]);
        submission.Problems[1].Message.ShouldContain("9709.00");
        submission.Problems[1].Message.ShouldContain("9790.00");
    }

    [Fact]
    public void Read_FontsNotEmbedded_TakesTheQrCodeAlone()
    {
        var pdf = InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr), embedFont: false);

        var submission = Some.Read(pdf);

        submission.Problems.ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe("24112000000048542163");
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((null, null, 4449.00m));
        invoice.Seller.ShouldBeNull();
        invoice.Buyer.ShouldBeNull();
    }

    [Fact]
    public void Read_QrCodeAsJpeg_IsFoundToo()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(300, 300);
        page.AddJpeg(QrImages.Jpeg(QrImages.Render(QrSamples.Legacy.Qr), 85), new UglyToad.PdfPig.Core.PdfRectangle(10, 10, 200, 200));

        var submission = Some.Read(builder.Build());

        submission.Problems.ShouldBeEmpty();
        submission.Invoice.ShouldNotBeNull().Key.ToString().ShouldBe("011002680026-71500013");
    }

    [Fact]
    public void Read_QrCodeDrawnAsRectangles_IsFoundToo()
    {
        var pdf = InvoicePdfs.BuildWithVectorQr(InvoicePdfs.Shudian(), QrSamples.Shudian.Qr);

        var submission = Some.Read(pdf);

        submission.Problems.ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe("24112000000048542163");
        invoice.Seller.ShouldNotBeNull().Name.ShouldBe("华为技术有限公司");
    }

    [Fact]
    public void Read_AnotherQrCodeBeforeTheInvoices_TakesTheInvoices()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(400, 300);
        page.AddPng(QrPng("https://example.com/pay?order=42"), new UglyToad.PdfPig.Core.PdfRectangle(10, 10, 150, 150));
        page.AddPng(QrPng(QrSamples.Legacy.Qr), new UglyToad.PdfPig.Core.PdfRectangle(200, 10, 340, 150));

        var submission = Some.Read(builder.Build());

        submission.Problems.ShouldBeEmpty();
        submission.Invoice.ShouldNotBeNull().Key.ToString().ShouldBe("011002680026-71500013");
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Read_QrCodeAfterOtherImages_IsLookedForInTheFirstEightOnly(int imagesBefore, bool found)
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(600, 300);
        var blank = HostileImages.Blank(120, 120);
        for (var i = 0; i < imagesBefore; i++)
        {
            page.AddPng(blank, new UglyToad.PdfPig.Core.PdfRectangle(10 + (i * 60), 200, 60 + (i * 60), 250));
        }

        page.AddPng(QrPng(QrSamples.Legacy.Qr), new UglyToad.PdfPig.Core.PdfRectangle(10, 10, 150, 150));

        var submission = Some.Read(builder.Build());

        submission.ErrorCodes().ShouldBe(found ? [] : ["qr.notFound"]);
    }

    public static TheoryData<string, string> Hostile => new()
    {
        { "no QR image", "qr.notFound" },
        { "11 pages", "pdf.tooManyPages" },
        { "encrypted with a password", "pdf.unreadable" },
        { "header then garbage", "pdf.unreadable" },
        { "page content inflating to 200 MB", "pdf.unreadable" },
        { "cut after the header", "pdf.unreadable" },
        { "QR code of something else", "qr.format" },
    };

    private static readonly Dictionary<string, Func<byte[]>> HostileInputs = new()
    {
        ["no QR image"] = () => InvoicePdfs.Build(InvoicePdfs.Shudian(), qrImage: null),
        ["11 pages"] = () => InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr), pages: 11),
        ["encrypted with a password"] = HostilePdfs.Encrypted,
        ["header then garbage"] = () => HostilePdfs.Garbage(20_000),
        ["page content inflating to 200 MB"] = () => HostilePdfs.FlateBomb(200 << 20),
        ["cut after the header"] = () => InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng(QrSamples.Shudian.Qr))[..200],
        ["QR code of something else"] = () => InvoicePdfs.Build(InvoicePdfs.Shudian(), QrPng("https://example.com/x")),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Read_UnusablePdf_IsRejectedWithItsCode(string input, string code) =>
        Some.ShouldBeRejectedWith(HostileInputs[input](), code, input);

    [Fact]
    public void Read_DecompressionBomb_IsRefusedBeforeItIsInflated()
    {
        var pdf = HostilePdfs.FlateBomb(200 << 20);
        pdf.Length.ShouldBeLessThan(1 << 20);

        var submission = Some.Read(pdf);

        submission.Problems.ShouldHaveSingleItem().Message.ShouldContain("decodes to more than");
    }

    [Fact]
    public void Read_ContentStreamUnderTheLimit_IsReadAsUsual()
    {
        var submission = Some.Read(HostilePdfs.FlateBomb(1 << 20));

        submission.ErrorCodes().ShouldBe(["qr.notFound"]);
    }
}
