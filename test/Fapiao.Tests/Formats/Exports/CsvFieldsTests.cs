using Fapiao.Formats.Exports;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Exports;

public sealed class CsvFieldsTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData(",,", new[] { "", "", "" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("\"two\nlines\",x", new[] { "two\nlines", "x" })]
    [InlineData("5\" pipe,x", new[] { "5\" pipe", "x" })]
    [InlineData("\"\"", new[] { "" })]
    public void Split_WellFormedRecord_GivesItsFields(string record, string[] expected)
    {
        var problems = new List<Problem>();

        CsvFields.Split(record, problems).ShouldBe(expected);

        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"never closed,x")]
    [InlineData("\"closed\"then,x")]
    public void Split_MalformedQuoting_ReportsCsvSyntax(string record)
    {
        var problems = new List<Problem>();

        CsvFields.Split(record, problems);

        problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.CsvSyntax);
    }

    [Fact]
    public void Split_TooManyColumns_ReportsTooLarge()
    {
        var problems = new List<Problem>();

        CsvFields.Split(new string(',', CsvFields.MaxFields + 5), problems);

        problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.InputTooLarge);
    }
}
