using System.Globalization;
using Fapiao.Domain;

namespace Fapiao.Tests.Domain;

public class AmountsTests
{
    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("0.00", "0.00")]
    [InlineData("-0.00", "0.00")]
    [InlineData("-0", "0.00")]
    [InlineData("12", "12.00")]
    [InlineData("12.3", "12.30")]
    [InlineData("9709.00", "9709.00")]
    [InlineData("-100.50", "-100.50")]
    [InlineData("0.120000", "0.12")] // extra decimals allowed when they are zeros
    [InlineData("0.10", "0.10")]
    [InlineData("007.50", "7.50")]
    [InlineData("999999999999999.99", "999999999999999.99")] // 15 integer digits
    [InlineData("-999999999999999.99", "-999999999999999.99")]
    public void TryParseMoney_Valid_ExactValue(string text, string formatted)
    {
        Amounts.TryParseMoney(text, out decimal value).ShouldBeTrue();

        Amounts.FormatMoney(value).ShouldBe(formatted);
        value.Scale.ShouldBe((byte)2);
    }

    [Fact]
    public void TryParseMoney_NegativeZero_PlainZero()
    {
        Amounts.TryParseMoney("-0.00", out decimal value).ShouldBeTrue();

        value.ShouldBe(0m);
        decimal.IsNegative(value).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("--1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("1.5e2")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-.5")]
    [InlineData("0.125")] // a third decimal other than zero
    [InlineData("0.1201")]
    [InlineData("１２")] // full-width digits
    [InlineData("1,000.00")]
    [InlineData("1 000.00")]
    [InlineData(" 12.00")]
    [InlineData("12.00 ")]
    [InlineData("12.00\n")]
    [InlineData("1.2.3")]
    [InlineData("¥12.00")]
    [InlineData("12,00")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("1000000000000000.00")] // 16 integer digits
    [InlineData("99999999999999999999999999999999999999")] // huge
    public void TryParseMoney_Bad_False(string text)
    {
        Amounts.TryParseMoney(text, out decimal value).ShouldBeFalse();
        value.ShouldBe(0m);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1.000", "1")]
    [InlineData("2.50", "2.5")]
    [InlineData("-2.50", "-2.5")]
    [InlineData("0.0000000000001", "0.0000000000001")] // 13 decimals, as met in practice
    [InlineData("123456789012345.1234567890123", "123456789012345.1234567890123")] // 28 significant digits
    [InlineData("999999999999999.000000000000000", "999999999999999")]
    [InlineData("-0.000", "0")]
    public void TryParseQuantity_Valid_Exact(string text, string formatted)
    {
        Amounts.TryParseQuantity(text, out decimal value).ShouldBeTrue();

        Amounts.FormatQuantity(value).ShouldBe(formatted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0000000000000001")] // 16 decimals
    [InlineData("1234567890123456")] // 16 integer digits
    [InlineData("999999999999999.999999999999999")] // 30 significant digits: more than a decimal holds exactly
    [InlineData("1e3")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("--1")]
    [InlineData("１２")]
    public void TryParseQuantity_Bad_False(string text) => Amounts.TryParseQuantity(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("0.124999", "0.12")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.004", "0")]
    [InlineData("1.005", "1.01")]
    public void RoundTax_Value_HalfAwayFromZero(string value, string expected) =>
        Amounts.RoundTax(decimal.Parse(value, CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1", "1.00")]
    [InlineData("0.125", "0.13")]
    [InlineData("-0.001", "0.00")]
    [InlineData("1234567.8", "1234567.80")]
    public void FormatMoney_Value_TwoDecimalsInvariant(string value, string expected)
    {
        using var culture = new CultureScope("de-DE");

        Amounts.FormatMoney(decimal.Parse(value, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public CultureScope(string name) =>
            CultureInfo.CurrentCulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }
}
