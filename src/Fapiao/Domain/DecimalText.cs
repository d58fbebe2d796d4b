namespace Fapiao.Domain;

/// <summary>
/// The plain decimal spelling every number in this domain uses: an optional <c>-</c>, ASCII
/// digits, and optionally a <c>.</c> followed by ASCII digits. No <c>+</c>, exponent, spaces,
/// separators or non-ASCII digits, and digits on both sides of the point.
/// </summary>
internal static class DecimalText
{
    // The largest mantissa a decimal holds: 2^96 − 1.
    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    /// <summary>Splits <paramref name="text"/> into its sign, integer digits and fraction digits.</summary>
    public static bool TrySplit(
        ReadOnlySpan<char> text,
        out bool negative,
        out ReadOnlySpan<char> integer,
        out ReadOnlySpan<char> fraction)
    {
        negative = text.StartsWith('-');
        ReadOnlySpan<char> unsigned = negative ? text[1..] : text;
        int point = unsigned.IndexOf('.');
        integer = point < 0 ? unsigned : unsigned[..point];
        fraction = point < 0 ? [] : unsigned[(point + 1)..];
        return IsDigits(integer) && (point < 0 || IsDigits(fraction));
    }

    /// <summary>
    /// The exact decimal the digits spell. False when it cannot be held exactly (more than 28
    /// decimals, or more significant digits than a decimal has): never rounded.
    /// </summary>
    public static bool TryCompose(bool negative, ReadOnlySpan<char> integer, ReadOnlySpan<char> fraction, out decimal value)
    {
        value = 0m;
        fraction = fraction.TrimEnd('0');
        if (fraction.Length > 28)
        {
            return false;
        }

        UInt128 mantissa = UInt128.Zero;
        if (!TryAppend(integer, ref mantissa) || !TryAppend(fraction, ref mantissa))
        {
            return false;
        }

        unchecked
        {
            value = new decimal(
                (int)(uint)(mantissa & uint.MaxValue),
                (int)(uint)((mantissa >> 32) & uint.MaxValue),
                (int)(uint)(mantissa >> 64),
                negative && mantissa != UInt128.Zero,
                (byte)fraction.Length);
        }

        return true;
    }

    private static bool TryAppend(ReadOnlySpan<char> digits, ref UInt128 mantissa)
    {
        foreach (char digit in digits)
        {
            mantissa = (mantissa * 10) + (uint)(digit - '0');
            if (mantissa > MaxMantissa)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}
