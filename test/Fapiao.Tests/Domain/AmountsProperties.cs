using System.Globalization;
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

    // Any decimal: the high word mostly zero (coefficients that fit in a long, the fast path), any
    // scale, either sign; money scales (0–2) and small coefficients drawn more often.
    private static readonly Arbitrary<decimal> AnyDecimal =
        Gen.Choose(int.MinValue, int.MaxValue)
            .SelectMany(lo => Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 255), Gen.Choose(int.MinValue, int.MaxValue)), (lo, mid) => (lo, mid))
            .SelectMany(_ => Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(int.MinValue, int.MaxValue))), (t, hi) => (t.lo, t.mid, hi))
            .SelectMany(_ => Gen.Frequency((3, Gen.Choose(0, 2)), (2, Gen.Choose(0, 28))), (t, scale) => (t.lo, t.mid, t.hi, scale))
            .SelectMany(_ => Gen.Elements(true, false), (t, negative) => new decimal(t.lo, t.mid, t.hi, negative, (byte)t.scale))
            .ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property FormatMoney_IsTheInvariantTwoDecimalTextOfTheRoundedValue() =>
        Prop.ForAll(AnyDecimal, value =>
        {
            var rounded = Amounts.RoundTax(value);
            var expected = rounded == 0m ? "0.00" : rounded.ToString("F2", CultureInfo.InvariantCulture);
            Span<char> text = stackalloc char[Amounts.MaxFormattedLength];
            return (Amounts.FormatMoney(value) == expected && new string(text[..Amounts.FormatMoney(value, text)]) == expected)
                .Label($"{value}: {Amounts.FormatMoney(value)} against {expected}");
        });

    [Property(MaxTest = 2000)]
    public Property FormatQuantity_IsTheInvariantTextWithoutTrailingZeros() =>
        Prop.ForAll(AnyDecimal, value =>
        {
            var plain = value.ToString(CultureInfo.InvariantCulture);
            var trimmed = plain.Contains('.', StringComparison.Ordinal) ? plain.TrimEnd('0').TrimEnd('.') : plain;
            var expected = trimmed is "-0" or "" ? "0" : trimmed;
            Span<char> text = stackalloc char[Amounts.MaxFormattedLength];
            return (Amounts.FormatQuantity(value) == expected && new string(text[..Amounts.FormatQuantity(value, text)]) == expected)
                .Label($"{value}: {Amounts.FormatQuantity(value)} against {expected}");
        });
}
