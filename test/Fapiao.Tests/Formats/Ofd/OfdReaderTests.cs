using System.Text;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Ofd;

/// <summary>The three real OFD layouts, each read to exactly what its file holds (values read out of the files by hand).</summary>
public sealed class OfdReaderTests
{
    private static SubmissionReader CreateSut() => new(new InvoiceValidator(FixedClock.Default));

    private static Submission Read(byte[] ofd, string name = "in.ofd") => CreateSut().ReadOfdFile(new MemoryStream(ofd), name);

    private static Invoice Accepted(Submission submission)
    {
        submission.Problems.Where(p => p.IsError).ShouldBeEmpty(string.Join("; ", submission.Problems));
        return submission.Invoice.ShouldNotBeNull();
    }

    [Fact]
    public void ReadOfdFile_LegacyEdrmAttachment_GivesTheInvoiceItHolds()
    {
        var submission = Read(OfdFixtures.Bytes(OfdFixtures.Legacy), "legacy.ofd");

        submission.Source.ShouldBe("legacy.ofd:Doc_0/Attachs/original_invoice.xml");
        var invoice = Accepted(submission);
        invoice.Key.ToString().ShouldBe("033002000211-83089647");
        invoice.Type.ShouldBe("10");
        invoice.IssueDate.ShouldBe(new DateOnly(2020, 7, 23));
        invoice.CheckCode.ShouldBe("16197833567414507415");
        invoice.Seller.ShouldBe(new Party("92330781MA2EDMFU50", "兰溪市悦济舫餐厅"));
        invoice.Buyer.ShouldBe(new Party("91320115MA202UKD7X", "江苏京利华新材料有限公司"));
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((510.68m, 15.32m, 526.00m));
        invoice.Lines.ShouldNotBeNull().ShouldHaveSingleItem()
            .ShouldBe(new InvoiceLine("*餐饮服务*餐费", null, null, 1m, 510.679612m, 510.68m, TaxRate.Parse("3%"), 15.32m));
    }

    [Fact]
    public void ReadOfdFile_ShudianCustomTags_GivesTheInvoiceItsPagesShow()
    {
        var submission = Read(OfdFixtures.Bytes(OfdFixtures.Shudian), "shudian.ofd");

        submission.Source.ShouldBe("shudian.ofd:Doc_0/Tags/CustomTag.xml");
        var invoice = Accepted(submission);
        invoice.Key.ToString().ShouldBe("24112000000048542163");
        invoice.Type.ShouldBe("31");
        invoice.IssueDate.ShouldBe(new DateOnly(2024, 5, 28));
        invoice.CheckCode.ShouldBeNull();
        invoice.Seller.ShouldBe(new Party("91110108690017781B", "北京互联三六五科技有限公司"));
        invoice.Buyer.ShouldBe(new Party("91460300MAA92DJN95", "海南麒麟云服科技有限公司"));
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((4197.17m, 251.83m, 4449.00m));
        invoice.Remarks.ShouldBe("收款人:李蓉蓉;    复核人:周欣铭;");
        // The item name wraps onto a second text object ("费"): the two run together.
        invoice.Lines.ShouldNotBeNull().ShouldHaveSingleItem()
            .ShouldBe(new InvoiceLine("*信息技术服务*技术服务费", null, null, 1m, 4197.16981132075m, 4197.17m, TaxRate.Parse("6%"), 251.83m));
    }

    [Fact]
    public void ReadOfdFile_XbrlAttachment_GivesTheInvoiceItHolds()
    {
        var submission = Read(OfdFixtures.Bytes(OfdFixtures.Xbrl), "xbrl.ofd");

        submission.Source.ShouldBe("xbrl.ofd:Doc_0/Attachs/inv_ord_issuer_20220901_03300220021199934328.xml");
        var invoice = Accepted(submission);
        invoice.Key.ToString().ShouldBe("033002200211-99934328");
        invoice.Type.ShouldBe("10");
        invoice.IssueDate.ShouldBe(new DateOnly(2022, 9, 1));
        invoice.CheckCode.ShouldBe("64484022470182298515");
        invoice.Seller.ShouldBe(new Party("91330106MA7GAL1299", "杭州融运科技有限公司"));
        invoice.Buyer.ShouldBe(new Party("913202133140424571", "江苏中电创新环境科技有限公司"));
        (invoice.Amount, invoice.Tax, invoice.Total).ShouldBe((9.91m, 1.29m, 11.20m));
        invoice.Lines.ShouldNotBeNull().ShouldHaveSingleItem()
            .ShouldBe(new InvoiceLine("*金属制品*A系列一字形螺丝批3.2x75MM", "62202", "批", 1m, 9.91150442m, 9.91m, TaxRate.Parse("13%"), 1.29m));
    }

    [Fact]
    public void ReadOfdFile_LegacyWithoutItsAttachment_ReadsTheSameInvoiceFromItsCustomTags()
    {
        var fromAttachment = Accepted(Read(OfdFixtures.Bytes(OfdFixtures.Legacy)));
        var tagsOnly = OfdFixtures.Rewrite(OfdFixtures.Legacy, (name, data) => name.Contains("/Attachs/", StringComparison.Ordinal) ? null : data);

        var submission = Read(tagsOnly);

        submission.Source.ShouldBe("in.ofd:Doc_0/Tags/CustomTag.xml");
        var fromTags = Accepted(submission);
        fromTags.ShouldBeEquivalentTo(fromAttachment);
    }

    [Fact]
    public void ReadOfdFile_Raw_IsTheFileBytes()
    {
        var bytes = OfdFixtures.Bytes(OfdFixtures.Shudian);

        var submission = Read(bytes);

        submission.Raw.ShouldBe(bytes);
        submission.RawLength.ShouldBe(bytes.LongLength);
    }

    [Fact]
    public void ReadOfdFile_TagPointingAtAMissingTextObject_IsOfdMissingField()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == "Doc_0/Tags/CustomTag.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace(">6926<", ">99999<", StringComparison.Ordinal))
            : data);

        var submission = Read(ofd);

        submission.Invoice.ShouldBeNull();
        submission.Problems.ShouldContain(p => p.Code == ErrorCodes.OfdMissingField && p.Field == "buyer.taxId");
    }

    [Fact]
    public void ReadOfdFile_TagsWithoutNamespaces_AreMatchedByLocalName()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == "Doc_0/Tags/CustomTag.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("ofd:", "", StringComparison.Ordinal).Replace(" xmlns=\"http://www.ofdspec.org/2016\"", "", StringComparison.Ordinal).Replace("xmlns:ofd", "xmlns:x", StringComparison.Ordinal))
            : data);

        Accepted(Read(ofd)).Key.ToString().ShouldBe("24112000000048542163");
    }

    [Fact]
    public void ReadOfdFile_ZipWithoutInvoiceData_IsOfdLayoutUnknown()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name.StartsWith("Doc_0/Tags/", StringComparison.Ordinal) ? null : data);

        var submission = Read(ofd);

        submission.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.OfdLayoutUnknown]);
    }

    [Fact]
    public void ReadOfdFile_ZipThatIsNoOfd_IsOfdLayoutUnknown()
    {
        var submission = Read(OfdFixtures.Zip(("readme.txt", "hello"u8.ToArray())));

        submission.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.OfdLayoutUnknown]);
    }
}
