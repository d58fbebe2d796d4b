using Fapiao.Domain;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class CheckCodeTests
{
    [Theory]
    [InlineData("04")]
    [InlineData("10")]
    [InlineData("11")]
    [InlineData("14")]
    [InlineData("03")] // DOMAIN.md does not say: no warning
    [InlineData("15")]
    [InlineData("99")] // an unknown type: no opinion
    public void Check_20DigitsOnTypeThatMayCarryOne_Null(string type) =>
        CheckCode.Check(Some.CheckCode(), type, "checkCode").ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_Absent_Null(string? value)
    {
        CheckCode.Check(value, "10", "checkCode").ShouldBeNull();
        CheckCode.Check(value, "01", "checkCode").ShouldBeNull();
    }

    [Theory]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("20")]
    [InlineData("31")]
    [InlineData("32")]
    [InlineData("33")]
    [InlineData("34")]
    public void Check_OnTypeWithoutCheckCode_UnexpectedWarning(string type)
    {
        Problem? problem = CheckCode.Check("03272875819686271285", type, "qr.checkCode");

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe(ErrorCodes.CheckCodeUnexpected);
        problem.Severity.ShouldBe(Severity.Warning);
        problem.Field.ShouldBe("qr.checkCode");
    }

    [Theory]
    [InlineData("0327287581968627128", "10")] // 19 digits
    [InlineData("032728758196862712851", "10")] // 21 digits
    [InlineData("0327287581968627128A", "10")]
    [InlineData("０3272875819686271285", "10")]
    [InlineData("03272875819686271285 ", "10")]
    [InlineData("  ", "10")]
    [InlineData("327285", "10")] // the last 6 digits alone
    [InlineData("0327287581968627128", "01")] // a format error outweighs the unexpected warning
    public void Check_BadValue_FormatError(string value, string type)
    {
        Problem? problem = CheckCode.Check(value, type, "checkCode");

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe(ErrorCodes.CheckCodeFormat);
        problem.IsError.ShouldBeTrue();
    }
}
