using System.Text;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Tests.Ingest.Inputs;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("[{\"number\":\"1\"}]", "Json")]
    [InlineData("  \n[\n{}]", "Json")]
    [InlineData("{\"number\":\"1\"}\n{\"number\":\"2\"}", "JsonLines")]
    [InlineData("{\"remarks\":\"{ not a brace\"}\n", "JsonLines")]
    [InlineData("{\n  \"number\": \"1\"\n}", "Json")]
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,,B2B6", "Qr")]
    [InlineData("\uFEFF01,10,011002680026,71500013,9709.00,20200220,03272875819686271285,1818,", "Qr")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><EInvoice/>", "Xml")]
    [InlineData("\uFEFF\n  <EInvoice>", "Xml")]
    [InlineData("PK\u0003\u0004\u0014\u0000", "Ofd")]
    [InlineData("PK\u0005\u0006", "Ofd")]
    [InlineData("garbage", "JsonLines")]
    [InlineData("", "JsonLines")]
    public void Detect_ByContent_ChoosesTheFormat(string head, string expected)
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(head)).ShouldBe(Enum.Parse<InputFormat>(expected));
    }

    [Fact]
    public void Detect_Utf16ByteOrderMark_IsXml()
    {
        FormatDetector.Detect([0xFF, 0xFE, (byte)'<', 0]).ShouldBe(InputFormat.Xml);
        FormatDetector.Detect([0xFE, 0xFF, 0, (byte)'<']).ShouldBe(InputFormat.Xml);
    }

    [Theory]
    [InlineData("legacy-einvoice-2020.ofd")]
    [InlineData("shudian-special-2024.ofd")]
    [InlineData("xbrl-attachment-2022.ofd")]
    public void Detect_RealOfdFile_IsOfd(string fixture)
    {
        FormatDetector.Detect(File.ReadAllBytes(Fapiao.Tests.Support.SharedFixtures.PathOf("ofd", fixture))).ShouldBe(InputFormat.Ofd);
    }

    [Theory]
    [InlineData("全量发票查询导出结果\n序号,发票代码,发票号码,开票日期\n", "Csv")]
    [InlineData("数电票号码,开票日期,金额\n", "Csv")]
    [InlineData("number,code,type,issueDate,sellerTaxId,sellerName,buyerTaxId,buyerName,amount,tax,total,checkCode,redLetterOf,state,remarks\n", "Csv")]
    [InlineData("发票号码 only, no date column\n", "JsonLines")]
    public void Detect_PlatformExportText_IsCsvInEitherEncoding(string head, string expected)
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(head)).ShouldBe(Enum.Parse<InputFormat>(expected));
        FormatDetector.Detect(Fapiao.Formats.Exports.ExportEncoding.Gb18030.GetBytes(head)).ShouldBe(Enum.Parse<InputFormat>(expected));
    }

    [Fact]
    public void Detect_ZipWithWorkbookEntries_IsXlsx()
    {
        byte[] head = [.. "PK\u0003\u0004"u8, .. new byte[26], .. "xl/workbook.xml"u8];
        byte[] otherZip = [.. "PK\u0003\u0004"u8, .. new byte[26], .. "OFD.xml"u8];

        FormatDetector.Detect(head).ShouldBe(InputFormat.Xlsx);
        FormatDetector.Detect(otherZip).ShouldNotBe(InputFormat.Xlsx);
    }
}
