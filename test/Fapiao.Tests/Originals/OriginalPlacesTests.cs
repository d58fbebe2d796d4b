using Fapiao.Ingest.Inputs;
using Fapiao.Originals;

namespace Fapiao.Tests.Originals;

public sealed class OriginalPlacesTests
{
    [Theory]
    [InlineData(nameof(InputFormat.JsonLines), "in.jsonl", "in.jsonl:12", "line:12")]
    [InlineData(nameof(InputFormat.Json), "in.json", "in.json:3", "line:3")]
    [InlineData(nameof(InputFormat.Qr), "stdin", "stdin:7", "line:7")]
    [InlineData(nameof(InputFormat.Csv), "export.csv", "export.csv:5", "row:5")]
    [InlineData(nameof(InputFormat.Xlsx), "a:b.xlsx", "a:b.xlsx:9", "row:9")]
    [InlineData(nameof(InputFormat.Ofd), "x.ofd", "x.ofd:Doc_0/Attachs/original_invoice.xml", "entry:Doc_0/Attachs/original_invoice.xml")]
    [InlineData(nameof(InputFormat.Ofd), "x.ofd", "x.ofd", "file")]
    [InlineData(nameof(InputFormat.Xml), "x.xml", "x.xml", "xpath:/")]
    [InlineData(nameof(InputFormat.Pdf), "x.pdf", "x.pdf", "file")]
    [InlineData(nameof(InputFormat.Image), "scan.png", "scan.png", "file")]
    public void Of_SourceOfAFormat_NamesThePlaceInTheFile(string format, string name, string source, string expected) =>
        OriginalPlaces.Of(Enum.Parse<InputFormat>(format), name, source).ShouldBe(expected);
}
