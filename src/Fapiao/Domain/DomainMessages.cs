using System.Globalization;
using System.Text;

namespace Fapiao.Domain;

/// <summary>
/// Every message the domain values give, in one place. A message never repeats a tax ID (logs
/// must not see one); where it quotes the input, the quote is cut short and stripped of control
/// characters.
/// </summary>
internal static class DomainMessages
{
    private const int MaxQuoted = 40;

    public const string TaxIdRequired = "The taxpayer ID is missing.";

    public const string TaxIdFormat =
        "Not a taxpayer ID: expected an 18-character unified social credit code over 0-9 and the capital letters "
        + "other than I, O, S, V, Z, an 18-character resident ID number, or an older ID of 15 or 17 to 20 digits "
        + "and capital letters.";

    public const string TaxIdChecksum =
        "The check character does not match, neither as a unified social credit code (GB 32100) nor as a "
        + "resident ID number. Some older registrations fail the check: kept, flagged for review.";

    public const string LegacyCodeFormat =
        "An invoice code is 10 ASCII digits, or 12 ASCII digits starting with 0 or 1.";

    public const string LegacyNumberFormat = "With an invoice code, the invoice number is 8 ASCII digits.";

    public const string KeyText =
        "An invoice key is a 数电 number (20 digits) or CODE-NUMBER (a 10- or 12-digit code, a hyphen, 8 digits).";

    public const string CheckCodeFormat = "A check code is 20 ASCII digits.";

    public const string QrFieldCount =
        "QR content is 8 comma-separated fields (version,type,code,number,amount,date,checkCode,random), "
        + "optionally followed by a comma.";

    public const string QrVersion = "The QR version is 2 ASCII digits.";

    public const string QrRandom = "The QR random part is ASCII letters and digits.";

    public const string AmountFormat =
        "An amount is a plain decimal: an optional '-', at most 15 digits, and at most 2 decimals other than "
        + "trailing zeros.";

    public const string CompactDateFormat = "A date here is yyyyMMdd, a real calendar date.";

    public static string ShudianNumberFormat(int firstYear, int latestYear) => string.Create(
        CultureInfo.InvariantCulture,
        $"Without an invoice code, the invoice number is a 数电 number: 20 ASCII digits starting with the two-digit year, {firstYear:00} to {latestYear:00}.");

    public static string ShudianTypeWithLegacyKey(InvoiceType type) =>
        $"Type {type.Code} ({type.EnglishName}) is a 数电 type, which has a 20-digit number and no invoice code, but the key has a code.";

    public static string LegacyTypeWithShudianKey(InvoiceType type) =>
        $"Type {type.Code} ({type.EnglishName}) is a legacy type with an invoice code, but the key is a 20-digit 数电 number.";

    public static string TypeContradictsCode(InvoiceType type, LegacyCodeInfo code) =>
        $"Type {type.Code} ({type.EnglishName}) contradicts the invoice code, whose kind digits say {Describe(code)}.";

    public static string CheckCodeUnexpected(InvoiceType type) =>
        $"Type {type.Code} ({type.EnglishName}) carries no check code, but one is given.";

    public static string TaxRateUnknown(string? text) =>
        $"Not a known tax rate: {Quote(text)}. Known: 13%, 9%, 6%, 5%, 3%, 1.5%, 1%, 0% and the historical "
        + "17%, 16%, 11%, 10%, 4%, as 0.06, 6% or 6; or 免税, 不征税, 出口零税率, 零税率.";

    public static string TypeUnknown(ReadOnlySpan<char> text) =>
        $"Not a known invoice type code: {Quote(text)}.";

    /// <summary>The text in quotes, cut to 40 characters, control characters shown as U+FFFD.</summary>
    public static string Quote(ReadOnlySpan<char> text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text.Length > MaxQuoted ? text[..MaxQuoted] : text)
        {
            quoted.Append(char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        return quoted.Append(text.Length > MaxQuoted ? "\"…" : "\"").ToString();
    }

    private static string Describe(LegacyCodeInfo code) =>
        (code.Category, code.IsElectronic) switch
        {
            (InvoiceCategory.Special, true) => "electronic special",
            (InvoiceCategory.Ordinary, true) => "electronic ordinary",
            (InvoiceCategory.Ordinary, false) => "paper ordinary",
            (InvoiceCategory.Special, _) => "special",
            (InvoiceCategory.Freight, _) => "freight",
            _ => "ordinary",
        };
}
