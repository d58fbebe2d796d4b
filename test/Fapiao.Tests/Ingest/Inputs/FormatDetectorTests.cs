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
}
