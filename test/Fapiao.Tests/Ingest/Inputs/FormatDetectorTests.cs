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
}
