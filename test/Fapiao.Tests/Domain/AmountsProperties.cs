using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fapiao.Domain;

namespace Fapiao.Tests.Domain;

public class AmountsProperties
{
    // Whole fen from −(10^17 − 1) to 10^17 − 1: every amount with up to 15 integer digits.
    private static readonly Arbitrary<long> Fen =
        Gen.Choose(-99_999_999, 99_999_999)
            .SelectMany(high => Gen.Choose(0, 999_999_999), (high, low) => (high * 1_000_000_000L) + (high < 0 ? -low : low))
            .ToArbitrary();

    [Property]
    public Property FormatMoney_ThenTryParseMoney_SameValue() =>
        Prop.ForAll(Fen, fen =>
        {
            decimal value = fen * 0.01m;
            string text = Amounts.FormatMoney(value);
            return Amounts.TryParseMoney(text, out decimal parsed) && parsed == value && Amounts.FormatMoney(parsed) == text;
        });

    [Property]
    public Property TryParseMoney_WithTrailingZeros_SameValue() =>
        Prop.ForAll(Fen, Gen.Choose(1, 6).ToArbitrary(), (fen, zeros) =>
        {
            decimal value = fen * 0.01m;
            string padded = Amounts.FormatMoney(value) + new string('0', zeros);
            return Amounts.TryParseMoney(padded, out decimal parsed) && parsed == value;
        });

    [Property]
    public Property TryParseMoney_ThirdDecimalNotZero_Refused() =>
        Prop.ForAll(Fen, Gen.Choose(1, 9).ToArbitrary(), (fen, digit) =>
            !Amounts.TryParseMoney(Amounts.FormatMoney(fen * 0.01m) + (char)('0' + digit), out _));

    // From 2 decimals, so that at most 15 integer digits are left.
    [Property]
    public Property FormatQuantity_ThenTryParseQuantity_SameValue() =>
        Prop.ForAll(Fen, Gen.Choose(2, 15).ToArbitrary(), (mantissa, decimals) =>
        {
            decimal divisor = 1m;
            for (int i = 0; i < decimals; i++)
            {
                divisor *= 10m;
            }

            decimal value = mantissa / divisor;
            return Amounts.TryParseQuantity(Amounts.FormatQuantity(value), out decimal parsed) && parsed == value;
        });
}
