using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class TaxRateTests
{
    [Theory]
    [InlineData("0.13", "0.13")]
    [InlineData("13%", "0.13")]
    [InlineData("13", "0.13")]
    [InlineData("0.09", "0.09")]
    [InlineData("9", "0.09")]
    [InlineData("0.06", "0.06")]
    [InlineData("0.060000", "0.06")]
    [InlineData("6%", "0.06")]
    [InlineData("6", "0.06")]
    [InlineData("6.00", "0.06")]
    [InlineData("6.0%", "0.06")]
    [InlineData("0.05", "0.05")]
    [InlineData("5%", "0.05")]
    [InlineData("3", "0.03")]
    [InlineData("0.030000", "0.03")]
    [InlineData("1", "0.01")] // a plain 1 is 1%, not 100%
    [InlineData("1%", "0.01")]
    [InlineData("0.01", "0.01")]
    [InlineData("1.5", "0.015")]
    [InlineData("1.5%", "0.015")]
    [InlineData("0.015", "0.015")]
    [InlineData("0.015000", "0.015")]
    [InlineData("17%", "0.17")]
    [InlineData("0.16", "0.16")]
    [InlineData("11", "0.11")]
    [InlineData("10%", "0.1")]
    [InlineData("0.10", "0.1")]
    [InlineData("10", "0.1")]
    [InlineData("4", "0.04")]
    [InlineData("0.04", "0.04")]
    public void TryParse_KnownRate_ExactFraction(string text, string fraction)
    {
        TaxRate.TryParse(text, out TaxRate rate).ShouldBeTrue();

        rate.Fraction.ShouldBe(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture));
        rate.ZeroKind.ShouldBe(ZeroRateKind.None);
        rate.Canonical.ShouldBe(fraction);
        rate.ToString().ShouldBe(fraction);
    }

    [Theory]
    [InlineData("0", nameof(ZeroRateKind.Ordinary), "0")]
    [InlineData("0%", nameof(ZeroRateKind.Ordinary), "0")]
    [InlineData("0.00", nameof(ZeroRateKind.Ordinary), "0")]
    [InlineData("0.000000", nameof(ZeroRateKind.Ordinary), "0")]
    [InlineData("零税率", nameof(ZeroRateKind.Ordinary), "0")]
    [InlineData("免税", nameof(ZeroRateKind.Exempt), "免税")]
    [InlineData("不征税", nameof(ZeroRateKind.NotTaxable), "不征税")]
    [InlineData("出口零税率", nameof(ZeroRateKind.Export), "出口零税率")]
    public void TryParse_ZeroRate_KindAndCanonical(string text, string kind, string canonical)
    {
        TaxRate.TryParse(text, out TaxRate rate).ShouldBeTrue();

        rate.Fraction.ShouldBe(0m);
        rate.ZeroKind.ShouldBe(Enum.Parse<ZeroRateKind>(kind));
        rate.Canonical.ShouldBe(canonical);
    }

    [Fact]
    public void Equality_SameRateAnySpelling_Equal()
    {
        TaxRate.Parse("0.060000").ShouldBe(TaxRate.Parse("6%"));
        TaxRate.Parse("6").GetHashCode().ShouldBe(TaxRate.Parse("0.06").GetHashCode());
        TaxRate.Parse("0").ShouldNotBe(TaxRate.Parse("免税"));
        TaxRate.Parse("免税").ShouldNotBe(TaxRate.Parse("不征税"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7%")]
    [InlineData("0.07")]
    [InlineData("0.5")] // a fraction: 50%
    [InlineData("0.5%")]
    [InlineData("0.06%")] // 0.0006
    [InlineData("100%")]
    [InlineData("-6%")]
    [InlineData("-0.06")]
    [InlineData("+6%")]
    [InlineData("6 %")]
    [InlineData(" 6%")]
    [InlineData("6％")] // full-width percent sign
    [InlineData("６%")]
    [InlineData("6%%")]
    [InlineData("%")]
    [InlineData(".06")]
    [InlineData("6.")]
    [InlineData("6e0")]
    [InlineData("0,06")]
    [InlineData("免税 ")]
    [InlineData("免")]
    [InlineData("1.50000000000000001")]
    [InlineData("1000000000000000000000000000000")]
    public void TryParse_Unknown_TaxRateUnknown(string text)
    {
        TaxRate.TryParse(text, out TaxRate rate).ShouldBeFalse();
        rate.ShouldBe(default);

        var problems = new List<Problem>();
        TaxRate.TryParse(text, "lines[0].taxRate", out _, problems).ShouldBeFalse();
        Problem problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ErrorCodes.TaxRateUnknown);
        problem.Field.ShouldBe("lines[0].taxRate");
        problem.Message.ShouldContain($"\"{text}\"");
    }

    [Fact]
    public void TryParse_NullWithField_TaxRateUnknown()
    {
        var problems = new List<Problem>();

        TaxRate.TryParse(null, "taxRate", out _, problems).ShouldBeFalse();

        problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.TaxRateUnknown);
    }

    [Fact]
    public void TryParse_LongUnknown_MessageQuotesItCutShort()
    {
        var problems = new List<Problem>();

        TaxRate.TryParse(new string('7', 5000) + "\n", "taxRate", out _, problems);

        problems.ShouldHaveSingleItem().Message.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public void TryParse_KnownWithField_NoProblem()
    {
        var problems = new List<Problem>();

        TaxRate.TryParse("13%", "taxRate", out TaxRate rate, problems).ShouldBeTrue();

        problems.ShouldBeEmpty();
        rate.Fraction.ShouldBe(0.13m);
    }

    [Fact]
    public void Parse_Unknown_Throws() => Should.Throw<FormatException>(() => TaxRate.Parse("7%"));
}
