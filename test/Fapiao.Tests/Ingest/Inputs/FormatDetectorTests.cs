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
    [InlineData("garbage", "JsonLines")]
    [InlineData("", "JsonLines")]
    public void Detect_ByContent_ChoosesTheFormat(string head, string expected)
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(head)).ShouldBe(Enum.Parse<InputFormat>(expected));
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
