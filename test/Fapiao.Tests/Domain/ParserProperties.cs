using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

/// <summary>No parser throws, whatever it is given: it answers false or with problems.</summary>
public class ParserProperties
{
    // Near misses: the characters the formats are made of, and a few that look like them.
    private static readonly Arbitrary<string> NearMiss =
        Gen.ListOf(Gen.Elements("0123456789-.,%Xx 年月日免税０１，％\r\n\tABIOZ".ToCharArray()))
            .Select(chars => new string([.. chars]))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public void AnyString_EveryParser_NoException(string? text) => ParseWithEveryParser(text);

    [Property(MaxTest = 500)]
    public Property NearMissString_EveryParser_NoException() =>
        Prop.ForAll(NearMiss, text =>
        {
            ParseWithEveryParser(text);
            ParseWithEveryParser(string.Join(',', Enumerable.Repeat(text, 8)));
        });

    private static void ParseWithEveryParser(string? text)
    {
        var problems = new List<Problem>();
        ReadOnlySpan<char> span = text.AsSpan();

        TaxIds.Check(text, "taxId");
        TaxIds.Classify(span);
        TaxIds.IsValidUscc(span);
        TaxIds.IsValidResidentId(span);
        TaxIds.Mask(text ?? string.Empty);
        InvoiceType.TryParse(span, out _);
        InvoiceKey.TryParse(span, out _);
        InvoiceKey.TryCreate(text, text, "code", "number", out _, problems, 2025);
        InvoiceKey.TryCreate(null, text, "code", "number", out _, problems, int.MinValue);
        InvoiceKey.TryCreate(null, text, "code", "number", out _, problems, int.MaxValue);
        InvoiceKey.CheckTypeAgainstKey(text ?? string.Empty, default, "type");
        LegacyCodeInfo.Read(span);
        CheckCode.Check(text, text ?? string.Empty, "checkCode");
        TaxRate.TryParse(span, out _);
        TaxRate.TryParse(text, "taxRate", out _, problems);
        Amounts.TryParseMoney(span, out _);
        Amounts.TryParseQuantity(span, out _);
        IssueDates.TryParseIsoDate(span, out _);
        IssueDates.TryParseCompactDate(span, out _);
        IssueDates.TryParseChineseDate(span, out _);
        QrContent.TryParse(text, out _, problems, 2025);
    }
}
