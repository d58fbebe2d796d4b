using System.Text;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Xml;

public sealed class ShudianXmlReaderTests
{
    private static SubmissionReader CreateSut() => new(new InvoiceValidator(FixedClock.Default));

    private static Submission Read(string xml) => CreateSut().ReadXmlFile(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "in.xml");

    [Fact]
    public void ReadXmlFile_Sample_GivesEveryField()
    {
        var submission = Read(ShudianXmlSample.Text);

        submission.Problems.Where(p => p.IsError).ShouldBeEmpty();
        submission.Source.ShouldBe("in.xml");
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe(ShudianXmlSample.Number);
        invoice.Type.ShouldBe("31");
        invoice.IssueDate.ShouldBe(new DateOnly(2023, 2, 23));
        invoice.Seller.ShouldBe(new Party("914403001922038216", "华为技术有限公司"));
        invoice.Buyer.ShouldBe(new Party("91330100799655058B", "阿里巴巴（中国）有限公司"));
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((1000.12m, 60.01m, 1060.13m));
        invoice.Remarks.ShouldBe("项目编号：HW-2023-001 合同号：A-17");
        invoice.RedLetterOf.ShouldBeNull();
        var lines = invoice.Lines.ShouldNotBeNull();
        lines.Count.ShouldBe(2);
        lines[0].ShouldBe(new InvoiceLine("*信息技术服务*软件开发", "V2.0", "项", 1m, 1000m, 1000m, TaxRate.Parse("0.06"), 60m));
        lines[1].ShouldBe(new InvoiceLine("*经纪代理服务*手续费", null, "次", 2m, 0.06m, 0.12m, TaxRate.Parse("6%"), 0.01m));
    }

    [Fact]
    public void ReadXmlFile_SixDecimalAmounts_AreReadExactly()
    {
        var invoice = Read(ShudianXmlSample.Text).Invoice.ShouldNotBeNull();

        invoice.Lines![1].Amount.ShouldBe(0.12m);
        Amounts.FormatMoney(invoice.Lines[1].Amount).ShouldBe("0.12");
    }

    [Fact]
    public void ReadXmlFile_OrdinaryLabel_IsType32()
    {
        var invoice = Read(ShudianXmlSample.With("<LabelCode>01</LabelCode><LabelName>增值税专用发票", "<LabelCode>02</LabelCode><LabelName>普通发票")).Invoice;

        invoice.ShouldNotBeNull().Type.ShouldBe("32");
    }

    [Fact]
    public void ReadXmlFile_RedLabelWithNegativeAmountsAndRemark_ReversesTheBlueInvoice()
    {
        var red = ShudianXmlSample.Text
            .Replace("<LabelCode>Y</LabelCode><LabelName>蓝字发票", "<LabelCode>N</LabelCode><LabelName>红字发票", StringComparison.Ordinal)
            .Replace(">1000.", ">-1000.", StringComparison.Ordinal)
            .Replace(">60.0", ">-60.0", StringComparison.Ordinal)
            .Replace("<Amount>0.12", "<Amount>-0.12", StringComparison.Ordinal)
            .Replace("<ComTaxAm>0.01", "<ComTaxAm>-0.01", StringComparison.Ordinal)
            .Replace(">1060.13<", ">-1060.13<", StringComparison.Ordinal)
            .Replace("<Quantity>", "<Quantity>-", StringComparison.Ordinal)
            .Replace("项目编号：HW-2023-001", "被红冲蓝字数电发票号码：23442000000123456700 红字发票信息确认单编号：44030123021700000123", StringComparison.Ordinal);

        var submission = Read(red);

        submission.Problems.Where(p => p.IsError).ShouldBeEmpty();
        var invoice = submission.Invoice.ShouldNotBeNull();
        invoice.Total.ShouldBe(-1060.13m);
        invoice.RedLetterOf.ShouldBe(InvoiceKey.Parse("23442000000123456700"));
    }

    public static TheoryData<string, string, string, string> BrokenVariants => new()
    {
        { "an unknown VAT label", "<LabelCode>01</LabelCode><LabelName>增值税专用发票", "<LabelCode>07</LabelCode><LabelName>?", ErrorCodes.TypeUnknown },
        { "a slashed issue time", "<IssueTime>2023-02-23 10:08:05", "<IssueTime>2023/02/23 10:08:05", ErrorCodes.DateFormat },
        { "an impossible date", "<IssueTime>2023-02-23", "<IssueTime>2023-02-30", ErrorCodes.DateFormat },
        { "no issue time", "<IssueTime>2023-02-23 10:08:05</IssueTime>", "", ErrorCodes.FieldRequired },
        { "numbers that disagree", "<InvoiceNumber>23442000000123456789", "<InvoiceNumber>23442000000123456788", ErrorCodes.XmlInconsistent },
        { "a short number", ShudianXmlSample.Number, "2344200000012345", ErrorCodes.NumberFormat },
        { "a rate not in use", "<TaxRate>0.060000</TaxRate>", "<TaxRate>0.070000</TaxRate>", ErrorCodes.TaxRateUnknown },
        { "fractions of a fen", "<Amount>1000.000000</Amount>", "<Amount>1000.000100</Amount>", ErrorCodes.AmountFormat },
        { "a header tax that is not the lines' sum", "<TotalTaxAm>60.01</TotalTaxAm>", "<TotalTaxAm>60.02</TotalTaxAm>", ErrorCodes.SumTax },
        { "a header total that is not amount + tax", ">1060.13<", ">1060.14<", ErrorCodes.SumTotal },
        { "a line tax far from amount × rate", "<ComTaxAm>0.010000</ComTaxAm>", "<ComTaxAm>0.110000</ComTaxAm>", ErrorCodes.TaxTolerance },
        { "a red label on positive amounts", "<LabelCode>Y</LabelCode>", "<LabelCode>N</LabelCode>", ErrorCodes.RedLetterSign },
        { "no seller tax ID", "<SellerIdNum>914403001922038216</SellerIdNum>", "", ErrorCodes.TaxIdRequired },
        { "a malformed seller tax ID", "<SellerIdNum>914403001922038216", "<SellerIdNum>91440300192203821I", ErrorCodes.TaxIdFormat },
        { "a C1 control character in a name", "<SellerName>华为", "<SellerName>华&#x85;为", ErrorCodes.TextControl },
        { "a character XML forbids", "<SellerName>华为", "<SellerName>&#x7;华为", ErrorCodes.XmlSyntax },
        { "a name too long", "<BuyerName>阿里巴巴", "<BuyerName>" + new string('阿', 400), ErrorCodes.TextTooLong },
        { "another root", "<EInvoice>", "<Invoice>", ErrorCodes.XmlSyntax },
        { "a renamed root", "EInvoice", "Voucher", ErrorCodes.XmlRootUnknown },
        { "an unclosed element", "</Remark>", "", ErrorCodes.XmlSyntax },
        { "an undeclared entity", "张三", "&zhang;", ErrorCodes.XmlSyntax },
        { "a DTD", "<EInvoice>", "<!DOCTYPE EInvoice [<!ENTITY x \"y\">]><EInvoice>", ErrorCodes.XmlDtd },
    };

    [Theory]
    [MemberData(nameof(BrokenVariants))]
    public void ReadXmlFile_BrokenVariant_IsRejectedWithItsCode(string because, string find, string replace, string code)
    {
        var submission = Read(ShudianXmlSample.With(find, replace));

        submission.Invoice.ShouldBeNull(because);
        submission.Problems.Where(p => p.IsError).Select(p => p.Code).ShouldContain(code, because + ": " + string.Join(", ", submission.Problems.Select(p => p.Code)));
    }

    [Fact]
    public void ReadXmlFile_TruncatedAnywhere_NeverThrowsAndIsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(ShudianXmlSample.Text);
        for (var length = 0; length < bytes.Length - 20; length += 7)
        {
            var submission = CreateSut().ReadXmlFile(new MemoryStream(bytes[..length]), "cut.xml");
            submission.Invoice.ShouldBeNull($"cut at {length}");
            submission.Problems.ShouldContain(p => p.IsError, $"cut at {length}");
        }
    }

    [Fact]
    public void ReadXmlFile_Raw_IsTheFileBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(ShudianXmlSample.Text);

        var submission = CreateSut().ReadXmlFile(new MemoryStream(bytes), "in.xml");

        submission.Raw.ShouldBe(bytes);
        submission.RawLength.ShouldBe(bytes.LongLength);
    }
}
