using System.Text;
using Fapiao.Formats.Exports;

namespace Fapiao.Tests.Formats.Exports;

public sealed class CsvRecordReaderTests
{
    private static List<(long Number, string Text)> Read(string csv) =>
        [.. CsvRecordReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))).Select(r => (r.Number, Encoding.UTF8.GetString(r.Bytes)))];

    [Fact]
    public void Read_QuotedLineBreaks_StayInsideTheirRecord()
    {
        Read("a,\"b\r\nc\",d\r\ne,f\n").ShouldBe([(1, "a,\"b\r\nc\",d"), (3, "e,f")]);
    }

    [Fact]
    public void Read_BomAndBlankLines_AreDropped()
    {
        Read("\uFEFFa\n\n  \nb").ShouldBe([(1, "a"), (4, "b")]);
    }

    [Fact]
    public void Read_QuoteInsideAnUnquotedField_DoesNotSwallowTheNextLines()
    {
        Read("5\" pipe,x\nnext,y\n").ShouldBe([(1, "5\" pipe,x"), (2, "next,y")]);
    }

    [Fact]
    public void Read_DoubledQuotes_KeepTheFieldOpenUntilItsClosingQuote()
    {
        Read("\"a\"\"\nb\",c\nd\n").ShouldBe([(1, "\"a\"\"\nb\",c"), (3, "d")]);
    }
}
