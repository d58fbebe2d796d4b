using Fapiao.Domain;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class InvoiceKeyTests
{
    private const int MaxYear = 2025;

    [Fact]
    public void TryCreate_ShudianNumber_KeyWithoutCode()
    {
        string number = Some.ShudianNumber();
        var problems = new List<Problem>();

        InvoiceKey.TryCreate(null, number, "code", "number", out InvoiceKey key, problems, MaxYear).ShouldBeTrue();

        problems.ShouldBeEmpty();
        key.IsShudian.ShouldBeTrue();
        key.Code.ShouldBeNull();
        key.Number.ShouldBe(number);
        key.ToString().ShouldBe(number);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void TryCreate_EmptyCodeAnd20Digits_ShudianKey(string? code)
    {
        InvoiceKey.TryCreate(code, "24112000000048542163", "code", "number", out InvoiceKey key, [], MaxYear).ShouldBeTrue();

        key.IsShudian.ShouldBeTrue();
    }

    [Theory]
    [InlineData("4403191130")] // 10 digits
    [InlineData("033002000211")] // 12 digits starting with 0
    [InlineData("144031900111")] // 12 digits starting with 1 (Shenzhen blockchain invoices)
    public void TryCreate_LegacyCodeAnd8Digits_LegacyKey(string code)
    {
        var problems = new List<Problem>();

        InvoiceKey.TryCreate(code, "83089647", "code", "number", out InvoiceKey key, problems, MaxYear).ShouldBeTrue();

        problems.ShouldBeEmpty();
        key.IsShudian.ShouldBeFalse();
        key.Code.ShouldBe(code);
        key.Number.ShouldBe("83089647");
        key.ToString().ShouldBe($"{code}-83089647");
    }

    [Theory]
    [InlineData("11000000000000000001", 2025)] // year 11: before any 数电票
    [InlineData("12000000000000000001", 2025)] // year 12: the first plausible
    [InlineData("26000000000000000001", 2025)] // the year after maxYear
    [InlineData("27000000000000000001", 2025)]
    [InlineData("27000000000000000001", 2026)]
    public void TryCreate_ShudianYear_PlausibleBetween12AndTheYearAfterMaxYear(string number, int maxYear)
    {
        int year = int.Parse(number[..2], System.Globalization.CultureInfo.InvariantCulture);
        bool plausible = year >= 12 && year <= (maxYear % 100) + 1;

        InvoiceKey.TryCreate(null, number, "code", "number", out _, [], maxYear).ShouldBe(plausible);
    }

    [Theory]
    [InlineData(null, "2411200000004854216", "number", ErrorCodes.NumberFormat)] // 19 digits
    [InlineData(null, "241120000000485421634", "number", ErrorCodes.NumberFormat)] // 21 digits
    [InlineData(null, "9911200000004854216A", "number", ErrorCodes.NumberFormat)] // a letter
    [InlineData(null, "99112000000048542163", "number", ErrorCodes.NumberFormat)] // year 99
    [InlineData(null, "２４112000000048542163", "number", ErrorCodes.NumberFormat)] // full-width digits
    [InlineData(null, " 24112000000048542163", "number", ErrorCodes.NumberFormat)] // a space
    [InlineData(null, "71500013", "number", ErrorCodes.NumberFormat)] // a legacy number without its code
    [InlineData(null, "", "number", ErrorCodes.NumberFormat)]
    [InlineData(null, null, "number", ErrorCodes.NumberFormat)]
    [InlineData("011002680026", "24112000000048542163", "number", ErrorCodes.NumberFormat)] // 数电 number with a code
    [InlineData("011002680026", "7150001", "number", ErrorCodes.NumberFormat)]
    [InlineData("011002680026", "715000133", "number", ErrorCodes.NumberFormat)]
    [InlineData("011002680026", "7150001３", "number", ErrorCodes.NumberFormat)]
    [InlineData("011002680026", null, "number", ErrorCodes.NumberFormat)]
    [InlineData("211002680026", "71500013", "code", ErrorCodes.CodeFormat)] // 12 digits starting with 2
    [InlineData("01100268002", "71500013", "code", ErrorCodes.CodeFormat)] // 11 digits
    [InlineData("440319113", "71500013", "code", ErrorCodes.CodeFormat)] // 9 digits
    [InlineData("0110026800261", "71500013", "code", ErrorCodes.CodeFormat)] // 13 digits
    [InlineData("01100268002A", "71500013", "code", ErrorCodes.CodeFormat)]
    [InlineData("０１１００２６８００２６", "71500013", "code", ErrorCodes.CodeFormat)]
    [InlineData("0110 2680026", "71500013", "code", ErrorCodes.CodeFormat)]
    [InlineData(" ", "71500013", "code", ErrorCodes.CodeFormat)]
    public void TryCreate_BadField_Code(string? code, string? number, string field, string expected)
    {
        var problems = new List<Problem>();

        InvoiceKey.TryCreate(code, number, "qr.code", "qr.number", out InvoiceKey key, problems, MaxYear).ShouldBeFalse();

        key.ShouldBe(default);
        Problem problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(expected);
        problem.Field.ShouldBe($"qr.{field}");
        problem.IsError.ShouldBeTrue();
    }

    [Fact]
    public void TryCreate_BadCodeAndBadNumber_BothProblems()
    {
        var problems = new List<Problem>();

        InvoiceKey.TryCreate("21100268002X", "12", "code", "number", out _, problems, MaxYear).ShouldBeFalse();

        problems.Select(p => (p.Code, p.Field)).ShouldBe(
            [(ErrorCodes.CodeFormat, "code"), (ErrorCodes.NumberFormat, "number")]);
    }

    [Fact]
    public void TryCreate_Problems_Appended()
    {
        var earlier = Problem.Warning("earlier", "x", "kept");
        var problems = new List<Problem> { earlier };

        InvoiceKey.TryCreate("1", "2", "code", "number", out _, problems, MaxYear);

        problems[0].ShouldBe(earlier);
        problems.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("24112000000048542163", null, "24112000000048542163")]
    [InlineData("011002680026-71500013", "011002680026", "71500013")]
    [InlineData("4403191130-00000001", "4403191130", "00000001")]
    [InlineData("144031900111-12345678", "144031900111", "12345678")]
    public void TryParse_Text_Key(string text, string? code, string number)
    {
        InvoiceKey.TryParse(text, out InvoiceKey key).ShouldBeTrue();

        key.Code.ShouldBe(code);
        key.Number.ShouldBe(number);
        key.ToString().ShouldBe(text);
        InvoiceKey.Parse(text).ShouldBe(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("2411200000004854216")] // 19 digits
    [InlineData("241120000000485421634")] // 21 digits
    [InlineData("11112000000048542163")] // year 11
    [InlineData("2411200000004854216X")]
    [InlineData("２4112000000048542163")]
    [InlineData("71500013")] // a legacy number alone
    [InlineData("-71500013")]
    [InlineData("011002680026-")]
    [InlineData("011002680026 71500013")]
    [InlineData("011002680026-71500013-")]
    [InlineData("011002680026--71500013")]
    [InlineData("211002680026-71500013")] // 12 digits starting with 2
    [InlineData("01100268002-71500013")]
    [InlineData("011002680026-7150001")]
    [InlineData("011002680026-24112000000048542163")]
    [InlineData(" 011002680026-71500013")]
    [InlineData("011002680026-71500013\n")]
    public void TryParse_BadText_False(string text)
    {
        InvoiceKey.TryParse(text, out InvoiceKey key).ShouldBeFalse();
        key.ShouldBe(default);
        Should.Throw<FormatException>(() => InvoiceKey.Parse(text));
    }

    [Fact]
    public void Equality_SameCodeAndNumber_Equal()
    {
        InvoiceKey.TryCreate("011002680026", "71500013", "c", "n", out InvoiceKey created, [], MaxYear).ShouldBeTrue();

        InvoiceKey.Parse("011002680026-71500013").ShouldBe(created);
        InvoiceKey.Parse("011002680026-71500014").ShouldNotBe(created);
    }

    [Fact]
    public void Default_EmptyNumber_NotNull()
    {
        InvoiceKey key = default;

        key.Number.ShouldBe(string.Empty);
        key.ToString().ShouldBe(string.Empty);
    }
}
