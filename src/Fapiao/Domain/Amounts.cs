using System.Globalization;

namespace Fapiao.Domain;

/// <summary>
/// Money in yuan with 2 decimals (fen) and quantities with many decimals, read and written
/// exactly as decimal text. Nothing here throws on any input.
/// </summary>
internal static class Amounts
{
    /// <summary>The most integer digits of an amount or a quantity.</summary>
    public const int MaxIntegerDigits = 15;

    /// <summary>The most decimals of a quantity or unit price.</summary>
    public const int MaxQuantityDecimals = 15;

    private const int MoneyDecimals = 2;

    /// <summary>
    /// Reads an amount: <c>-</c>?, up to 15 digits, then optionally <c>.</c> and digits of which
    /// only the first 2 may be other than 0 (<c>0.120000</c> is 0.12, <c>0.125</c> is refused).
    /// The value has 2 decimals; <c>-0.00</c> reads as 0.00.
    /// </summary>
    public static bool TryParseMoney(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        if (!DecimalText.TrySplit(text, out bool negative, out ReadOnlySpan<char> integer, out ReadOnlySpan<char> fraction)
            || integer.Length > MaxIntegerDigits
            || (fraction.Length > MoneyDecimals && fraction[MoneyDecimals..].ContainsAnyExcept('0')))
        {
            return false;
        }

        long fen = 0;
        foreach (char digit in integer)
        {
            fen = (fen * 10) + (digit - '0');
        }

        for (int i = 0; i < MoneyDecimals; i++)
        {
            fen = (fen * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        // Multiplying by 0.01m gives exactly 2 decimals; a zero comes out without a sign.
        value = (negative ? -fen : fen) * 0.01m;
        return true;
    }

    /// <summary>An amount with exactly 2 decimals, invariant culture; more decimals are rounded as <see cref="RoundTax"/> does.</summary>
    public static string FormatMoney(decimal value)
    {
        Span<char> text = stackalloc char[MaxFormattedLength];
        return new string(text[..FormatMoney(value, text)]);
    }

    /// <summary>The longest text <see cref="FormatMoney(decimal)"/> or <see cref="FormatQuantity(decimal)"/> writes for any decimal.</summary>
    public const int MaxFormattedLength = 64;

    /// <summary>
    /// <see cref="FormatMoney(decimal)"/> into <paramref name="destination"/> (at least <see cref="MaxFormattedLength"/>
    /// characters), for writers that should not make a string per amount. Returns the length written.
    /// </summary>
    public static int FormatMoney(decimal value, Span<char> destination)
    {
        if (TryCoefficient(value, out var negative, out var coefficient, out var scale) && scale <= MoneyDecimals && coefficient <= MaxFastCoefficient)
        {
            // Every amount the ledger reads: at most 2 decimals, so nothing to round; the digits are written directly.
            var fen = scale == MoneyDecimals ? coefficient : coefficient * (scale == 0 ? 100 : 10);
            return WriteFixed(negative && fen != 0, fen, MoneyDecimals, destination);
        }

        var rounded = RoundTax(value);
        if (rounded == 0m)
        {
            "0.00".CopyTo(destination);
            return 4;
        }

        return rounded.TryFormat(destination, out var written, "F2", CultureInfo.InvariantCulture) ? written : throw new ArgumentException("The destination is too short.", nameof(destination));
    }

    /// <summary><see cref="FormatQuantity(decimal)"/> into <paramref name="destination"/>; returns the length written.</summary>
    public static int FormatQuantity(decimal value, Span<char> destination)
    {
        if (TryCoefficient(value, out var negative, out var coefficient, out var scale))
        {
            // The trailing zeros of the coefficient are the trailing zeros of the text: dropped first,
            // nothing is left to trim (a zero comes out as "0", without a sign).
            while (scale > 0 && coefficient % 10 == 0)
            {
                coefficient /= 10;
                scale--;
            }

            return WriteFixed(negative && coefficient != 0, coefficient, scale, destination);
        }

        if (!value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        ReadOnlySpan<char> text = destination[..written];
        if (text.Contains('.'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        if (text is "-0" or "")
        {
            destination[0] = '0';
            return 1;
        }

        return text.Length;
    }

    /// <summary>Coefficients up to this many fen are scaled to 2 decimals without overflowing a long.</summary>
    private const long MaxFastCoefficient = long.MaxValue / 100;

    /// <summary>The sign, integer coefficient and scale of <paramref name="value"/>, when the coefficient fits in a long.</summary>
    private static bool TryCoefficient(decimal value, out bool negative, out long coefficient, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        negative = bits[3] < 0;
        scale = (bits[3] >> 16) & 0xFF;
        coefficient = ((long)bits[1] << 32) | unchecked((uint)bits[0]);
        return bits[2] == 0 && bits[1] >= 0;
    }

    /// <summary>Writes <paramref name="coefficient"/> × 10^−<paramref name="decimals"/> with exactly that many decimals.</summary>
    private static int WriteFixed(bool negative, long coefficient, int decimals, Span<char> destination)
    {
        Span<char> digits = stackalloc char[20];
        if (!coefficient.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("A coefficient has more than 20 digits.", nameof(coefficient));
        }

        var position = 0;
        if (negative)
        {
            destination[position++] = '-';
        }

        var integerDigits = count - decimals;
        if (integerDigits <= 0)
        {
            destination[position++] = '0';
        }
        else
        {
            digits[..integerDigits].CopyTo(destination[position..]);
            position += integerDigits;
        }

        if (decimals > 0)
        {
            destination[position++] = '.';
            for (var zeros = -integerDigits; zeros > 0; zeros--)
            {
                destination[position++] = '0';
            }

            var fraction = digits[Math.Max(integerDigits, 0)..count];
            fraction.CopyTo(destination[position..]);
            position += fraction.Length;
        }

        return position;
    }

    /// <summary>
    /// Reads a quantity or unit price: <c>-</c>?, up to 15 digits, then optionally <c>.</c> and up
    /// to 15 digits. Kept exactly; a value too precise for decimal is refused, never rounded.
    /// </summary>
    public static bool TryParseQuantity(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        return DecimalText.TrySplit(text, out bool negative, out ReadOnlySpan<char> integer, out ReadOnlySpan<char> fraction)
            && integer.Length <= MaxIntegerDigits
            && fraction.Length <= MaxQuantityDecimals
            && DecimalText.TryCompose(negative, integer, fraction, out value);
    }

    /// <summary>A quantity without trailing zeros, invariant culture: <c>1.000</c> → <c>1</c>, <c>2.50</c> → <c>2.5</c>.</summary>
    public static string FormatQuantity(decimal value)
    {
        Span<char> text = stackalloc char[MaxFormattedLength];
        return new string(text[..FormatQuantity(value, text)]);
    }

    /// <summary>Rounds to 2 decimals, half away from zero, as the tax system does for line tax.</summary>
    public static decimal RoundTax(decimal value) => Math.Round(value, MoneyDecimals, MidpointRounding.AwayFromZero);
}
