using Fapiao.Domain;

namespace Fapiao.Tests.Domain;

public sealed class AmountsFormatTests
{
    [Theory]
    [InlineData("-0.001", "0.00")]
    [InlineData("-0.00", "0.00")]
    [InlineData("0", "0.00")]
    [InlineData("1.005", "1.01")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("1234567890123.4", "1234567890123.40")]
    public void FormatMoney_RoundsHalfAwayFromZeroAndNeverWritesNegativeZero(string value, string expected) =>
        Amounts.FormatMoney(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("1.000", "1")]
    [InlineData("2.50", "2.5")]
    [InlineData("0.0000", "0")]
    [InlineData("-3.10", "-3.1")]
    [InlineData("12345678901234.123456789012345", "12345678901234.123456789012345")]
    [InlineData("1000", "1000")]
    public void FormatQuantity_DropsTrailingZerosOnly(string value, string expected) =>
        Amounts.FormatQuantity(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
