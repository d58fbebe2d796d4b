using Fapiao.Validation;

namespace Fapiao.Domain;

/// <summary>
/// What identifies an invoice: a 数电票's 20-digit number alone, or a legacy invoice's code
/// (10 or 12 digits) with its 8-digit number. Written <c>NUMBER</c> or <c>CODE-NUMBER</c>.
/// </summary>
internal readonly partial record struct InvoiceKey
{
    private const int ShudianNumberLength = 20;
    private const int LegacyNumberLength = 8;

    // Digits 1–2 of a 数电 number are the year; none were issued before this one.
    private const int FirstShudianYear = 12;

    private readonly string? _number;

    private InvoiceKey(string? code, string number)
    {
        Code = code;
        _number = number;
    }

    /// <summary>The legacy invoice code (发票代码), or null for a 数电票.</summary>
    public string? Code { get; }

    /// <summary>The invoice number (发票号码): 20 digits for a 数电票, 8 for a legacy invoice.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>A 数电票 key: a 20-digit number and no code.</summary>
    public bool IsShudian => Code is null;

    /// <summary>
    /// Makes a key from its fields, adding every problem to <paramref name="problems"/>: without a
    /// code the number must be 20 digits whose year digits (1–2) lie between 12 and the year after
    /// <paramref name="maxYear"/>; with a code the code must be 10 digits, or 12 digits starting
    /// with 0 or 1 (<c>code.format</c>), and the number 8 digits (<c>number.format</c>).
    /// <paramref name="maxYear"/> is the latest plausible year of issue: the current year, from the
    /// injected clock.
    /// </summary>
    public static bool TryCreate(
        string? code,
        string? number,
        string codeField,
        string numberField,
        out InvoiceKey key,
        List<Problem> problems,
        int maxYear)
    {
        key = default;
        if (string.IsNullOrEmpty(code))
        {
            int latestYear = LatestYearDigits(maxYear);
            if (number is null || !IsShudianNumber(number, latestYear))
            {
                problems.Add(Problem.Error(ErrorCodes.NumberFormat, numberField, DomainMessages.ShudianNumberFormat(FirstShudianYear, latestYear)));
                return false;
            }

            key = new InvoiceKey(null, number);
            return true;
        }

        bool codeValid = IsLegacyCode(code);
        if (!codeValid)
        {
            problems.Add(Problem.Error(ErrorCodes.CodeFormat, codeField, DomainMessages.LegacyCodeFormat));
        }

        if (number is null || !IsLegacyNumber(number))
        {
            problems.Add(Problem.Error(ErrorCodes.NumberFormat, numberField, DomainMessages.LegacyNumberFormat));
            return false;
        }

        if (!codeValid)
        {
            return false;
        }

        key = new InvoiceKey(code, number);
        return true;
    }

    /// <summary>
    /// Reads <c>NUMBER</c> (20 digits) or <c>CODE-NUMBER</c> (10 or 12 digits, a hyphen, 8 digits).
    /// Only the shape is checked: the year digits of a 数电 number must be 12 or more, and the
    /// upper bound, which needs the clock, is left to <see cref="TryCreate"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out InvoiceKey key)
    {
        key = default;
        int hyphen = text.IndexOf('-');
        if (hyphen < 0)
        {
            if (!IsShudianNumber(text, latestYear: 99))
            {
                return false;
            }

            key = new InvoiceKey(null, text.ToString());
            return true;
        }

        ReadOnlySpan<char> code = text[..hyphen];
        ReadOnlySpan<char> number = text[(hyphen + 1)..];
        if (!IsLegacyCode(code) || !IsLegacyNumber(number))
        {
            return false;
        }

        key = new InvoiceKey(code.ToString(), number.ToString());
        return true;
    }

    /// <summary>Reads a key as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a key.</exception>
    public static InvoiceKey Parse(string text) =>
        TryParse(text, out InvoiceKey key) ? key : throw new FormatException(DomainMessages.KeyText);

    /// <summary>The canonical text: <c>NUMBER</c> or <c>CODE-NUMBER</c>.</summary>
    public override string ToString() => Code is null ? Number : $"{Code}-{Number}";

    private static bool IsShudianNumber(ReadOnlySpan<char> number, int latestYear)
    {
        if (number.Length != ShudianNumberLength || !IsAsciiDigits(number))
        {
            return false;
        }

        int year = ((number[0] - '0') * 10) + (number[1] - '0');
        return year >= FirstShudianYear && year <= latestYear;
    }

    private static bool IsLegacyCode(ReadOnlySpan<char> code) =>
        IsAsciiDigits(code) && (code.Length == 10 || (code.Length == 12 && code[0] is '0' or '1'));

    private static bool IsLegacyNumber(ReadOnlySpan<char> number) =>
        number.Length == LegacyNumberLength && IsAsciiDigits(number);

    private static bool IsAsciiDigits(ReadOnlySpan<char> text) =>
        !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    // The two-digit year after maxYear: on New Year's Day, Beijing time runs ahead of a clock elsewhere.
    private static int LatestYearDigits(int maxYear) => Math.Clamp(maxYear, 2000, 2098) - 2000 + 1;
}
