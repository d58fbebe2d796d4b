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
    public static string FormatMoney(decimal value) =>
        RoundTax(value) is var rounded && rounded == 0m ? "0.00" : rounded.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The longest text <see cref="FormatMoney(decimal)"/> or <see cref="FormatQuantity(decimal)"/> writes for any decimal.</summary>
    public const int MaxFormattedLength = 64;

    /// <summary>
    /// <see cref="FormatMoney(decimal)"/> into <paramref name="destination"/> (at least <see cref="MaxFormattedLength"/>
    /// characters), for writers that should not make a string per amount. Returns the length written.
    /// </summary>
    public static int FormatMoney(decimal value, Span<char> destination)
    {
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
        // The plain invariant text keeps the scale exactly; trimming its trailing zeros is cheaper than a custom format.
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text is "-0" or "" ? "0" : text;
    }

    /// <summary>Rounds to 2 decimals, half away from zero, as the tax system does for line tax.</summary>
    public static decimal RoundTax(decimal value) => Math.Round(value, MoneyDecimals, MidpointRounding.AwayFromZero);
}
