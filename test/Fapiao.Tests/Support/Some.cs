using System.Globalization;
using Fapiao.Domain;

namespace Fapiao.Tests.Support;

/// <summary>Valid values for tests that need one but do not care which: each call gives a new one.</summary>
internal static class Some
{
    public const string UsccSymbols = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static int _counter;

    public static int Int() => Interlocked.Increment(ref _counter);

    /// <summary>
    /// A unified social credit code with the right check character: an enterprise (91) of
    /// Shenzhen (440300) whose organisation code starts with MA, as the post-2015 ones do.
    /// The letters keep it from ever reading as a resident ID number.
    /// </summary>
    public static string Uscc()
    {
        string first17 = "91440300MA" + InSymbols(Int(), 7);
        return first17 + TaxIds.UsccCheckCharacter(first17);
    }

    /// <summary>A unified social credit code whose check character is wrong: accepted with a warning.</summary>
    public static string UsccWithWrongCheck()
    {
        string valid = Uscc();
        char wrong = UsccSymbols[(UsccSymbols.IndexOf(valid[^1], StringComparison.Ordinal) + 1) % UsccSymbols.Length];
        return valid[..^1] + wrong;
    }

    /// <summary>
    /// A resident ID number of Beijing Chaoyang (110105), born 1949-12-31, whose check character
    /// is the one of the eleven possible that passes the check.
    /// </summary>
    public static string ResidentId()
    {
        string first17 = "11010519491231" + (Int() % 1000).ToString("000", CultureInfo.InvariantCulture);
        return "0123456789X".Select(c => first17 + c).Single(id => TaxIds.IsValidResidentId(id));
    }

    /// <summary>A 数电 number: the two-digit year, province 44, then 16 digits.</summary>
    public static string ShudianNumber(int year = 2024) =>
        (year % 100).ToString("00", CultureInfo.InvariantCulture) + "44" + Digits(16);

    /// <summary>A 10-digit legacy code: Shenzhen (4403), 2019, batch 1, the kind digit given, copies 3, version 0.</summary>
    public static string LegacyCode10(char kindDigit = '1') => "4403191" + kindDigit + "30";

    /// <summary>A 12-digit legacy code: 0, Zhejiang (3300), 2020, a batch, the two kind digits given.</summary>
    public static string LegacyCode12(string kind = "11") =>
        "0330020" + (Int() % 1000).ToString("000", CultureInfo.InvariantCulture) + kind;

    /// <summary>An 8-digit legacy invoice number.</summary>
    public static string LegacyNumber() => Digits(8);

    /// <summary>A 20-digit check code.</summary>
    public static string CheckCode() => Digits(20);

    /// <summary><paramref name="length"/> ASCII digits, different on each call.</summary>
    public static string Digits(int length) =>
        (Int() % 100_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(length, '7');

    private static string InSymbols(int value, int length)
    {
        var symbols = new char[length];
        for (int i = length - 1; i >= 0; i--)
        {
            symbols[i] = UsccSymbols[value % UsccSymbols.Length];
            value /= UsccSymbols.Length;
        }

        return new string(symbols);
    }
}
