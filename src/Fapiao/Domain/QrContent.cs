using System.Buffers;
using Fapiao.Validation;
using CheckCodeRule = Fapiao.Domain.CheckCode;

namespace Fapiao.Domain;

/// <summary>
/// What an invoice's QR code says: <c>version,type,code,number,amount,date,checkCode,random[,]</c>.
/// No names, tax IDs or lines: a partial record that a later file enriches.
/// </summary>
internal sealed record QrContent
{
    private const int FieldCount = 8;

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private QrContent(string version, InvoiceType type, InvoiceKey key, decimal amount, DateOnly date, string? checkCode, string random)
    {
        Version = version;
        Type = type;
        Key = key;
        Amount = amount;
        Date = date;
        CheckCode = checkCode;
        Random = random;
    }

    /// <summary>The QR layout's version, two digits (<c>01</c>).</summary>
    public string Version { get; }

    public InvoiceType Type { get; }

    /// <summary>The invoice's key, made from <see cref="Code"/> and <see cref="Number"/>.</summary>
    public InvoiceKey Key { get; }

    /// <summary>The legacy invoice code, or null for a 数电票 (an empty field).</summary>
    public string? Code => Key.Code;

    public string Number => Key.Number;

    /// <summary>Before tax for legacy types, the total including tax for 数电 types: see <see cref="AmountIsTotal"/>.</summary>
    public decimal Amount { get; }

    /// <summary>True for 数电 types (31–34), whose QR amount is the total including tax.</summary>
    public bool AmountIsTotal => Type.IsShudian;

    /// <summary>The date of issue.</summary>
    public DateOnly Date { get; }

    /// <summary>The 20-digit check code, or null when the field is empty (special invoices, 数电票).</summary>
    public string? CheckCode { get; }

    /// <summary>Four characters, sometimes a CRC; no part of the invoice's identity.</summary>
    public string Random { get; }

    /// <summary>
    /// Reads QR content, trimmed of white space around it; a trailing comma is allowed. Adds every
    /// problem to <paramref name="problems"/> with a field path under <c>qr</c>: <c>qr.format</c>
    /// for a wrong field count or a malformed version or random part, otherwise the part's own code
    /// (<c>type.unknown</c>, <c>code.format</c>, <c>number.format</c>, <c>amount.format</c>,
    /// <c>date.format</c>, <c>checkCode.format</c>). Warnings (a check code on a type without one, a
    /// type that contradicts its key) are added too and do not fail the parse.
    /// <paramref name="maxYear"/> is the latest plausible year of issue (the current year, from the
    /// injected clock), for the year digits of a 数电 number.
    /// </summary>
    public static bool TryParse(string? text, out QrContent? qr, List<Problem> problems, int maxYear)
    {
        qr = null;
        ReadOnlySpan<char> content = text.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[FieldCount + 2];
        int count = content.Split(parts, ',');
        if (count == FieldCount + 1 && content[parts[FieldCount]].IsEmpty)
        {
            count = FieldCount;
        }

        if (count != FieldCount)
        {
            problems.Add(Problem.Error(ErrorCodes.QrFormat, "qr", DomainMessages.QrFieldCount));
            return false;
        }

        int before = problems.Count;
        ReadOnlySpan<char> version = content[parts[0]];
        if (version.Length != 2 || version.ContainsAnyExceptInRange('0', '9'))
        {
            problems.Add(Problem.Error(ErrorCodes.QrFormat, "qr.version", DomainMessages.QrVersion));
        }

        ReadOnlySpan<char> typeText = content[parts[1]];
        if (!InvoiceType.TryParse(typeText, out InvoiceType type))
        {
            problems.Add(Problem.Error(ErrorCodes.TypeUnknown, "qr.type", DomainMessages.TypeUnknown(typeText)));
        }

        string code = content[parts[2]].ToString();
        InvoiceKey.TryCreate(code, content[parts[3]].ToString(), "qr.code", "qr.number", out InvoiceKey key, problems, maxYear);

        if (!Amounts.TryParseMoney(content[parts[4]], out decimal amount))
        {
            problems.Add(Problem.Error(ErrorCodes.AmountFormat, "qr.amount", DomainMessages.AmountFormat));
        }

        if (!IssueDates.TryParseCompactDate(content[parts[5]], out DateOnly date))
        {
            problems.Add(Problem.Error(ErrorCodes.DateFormat, "qr.date", DomainMessages.CompactDateFormat));
        }

        string checkCode = content[parts[6]].ToString();
        if (CheckCodeRule.Check(checkCode, typeText.ToString(), "qr.checkCode") is { } checkCodeProblem)
        {
            problems.Add(checkCodeProblem);
        }

        ReadOnlySpan<char> random = content[parts[7]];
        if (random.ContainsAnyExcept(AsciiLettersAndDigits))
        {
            problems.Add(Problem.Error(ErrorCodes.QrFormat, "qr.random", DomainMessages.QrRandom));
        }

        if (problems.Skip(before).Any(p => p.IsError))
        {
            return false;
        }

        problems.AddRange(InvoiceKey.CheckTypeAgainstKey(type.Code, key, "qr.type"));
        qr = new QrContent(version.ToString(), type, key, amount, date, checkCode.Length == 0 ? null : checkCode, random.ToString());
        return true;
    }
}
