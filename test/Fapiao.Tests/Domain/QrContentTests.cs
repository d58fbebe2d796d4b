using System.Globalization;
using Fapiao.Domain;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class QrContentTests
{
    private const int MaxYear = 2025;

    public static TheoryData<string, string, string, string, string, string, string> FixtureRows()
    {
        var rows = new TheoryData<string, string, string, string, string, string, string>();
        foreach (string[] c in SampleRows())
        {
            rows.Add(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
        }

        return rows;
    }

    [Fact]
    public void Fixture_Samples_AllRowsRead()
    {
        IReadOnlyList<string[]> rows = SampleRows();

        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(columns => columns.Length == 7);
    }

    [Theory]
    [MemberData(nameof(FixtureRows))]
    public void TryParse_FixtureRow_ExactlyItsFields(
        string text, string type, string code, string number, string amount, string date, string checkCode)
    {
        var problems = new List<Problem>();

        QrContent.TryParse(text, out QrContent? qr, problems, MaxYear).ShouldBeTrue();

        problems.ShouldBeEmpty();
        qr.ShouldNotBeNull();
        qr.ShouldSatisfyAllConditions(
            () => qr.Version.ShouldBe("01"),
            () => qr.Type.Code.ShouldBe(type),
            () => qr.Code.ShouldBe(code.Length == 0 ? null : code),
            () => qr.Number.ShouldBe(number),
            () => qr.Amount.ShouldBe(decimal.Parse(amount, CultureInfo.InvariantCulture)),
            () => Amounts.FormatMoney(qr.Amount).ShouldBe(amount),
            () => qr.Date.ShouldBe(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            () => qr.CheckCode.ShouldBe(checkCode.Length == 0 ? null : checkCode),
            () => qr.AmountIsTotal.ShouldBe(qr.Type.IsShudian),
            () => qr.Key.ToString().ShouldBe(code.Length == 0 ? number : $"{code}-{number}"));
    }

    [Fact]
    public void TryParse_LegacySample_AmountBeforeTaxAndRandom()
    {
        QrContent.TryParse("01,10,011002680026,71500013,9709.00,20200220,03272875819686271285,1818,", out QrContent? qr, [], MaxYear)
            .ShouldBeTrue();

        qr!.AmountIsTotal.ShouldBeFalse();
        qr.Random.ShouldBe("1818");
        qr.Key.IsShudian.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_ShudianSample_AmountIsTotal()
    {
        QrContent.TryParse("01,31,,24112000000048542163,4449.00,20240528,,B2B6", out QrContent? qr, [], MaxYear).ShouldBeTrue();

        qr!.AmountIsTotal.ShouldBeTrue();
        qr.Random.ShouldBe("B2B6");
        qr.Key.IsShudian.ShouldBeTrue();
    }

    [Theory]
    [InlineData("  01,31,,24112000000048542163,4449.00,20240528,,B2B6\r\n")]
    [InlineData("\t01,31,,24112000000048542163,4449.00,20240528,,B2B6,\r")]
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,,B2B6,")]
    public void TryParse_WhitespaceAndTrailingComma_Parsed(string text) =>
        QrContent.TryParse(text, out _, [], MaxYear).ShouldBeTrue();

    [Theory]
    [InlineData(null, "qr", ErrorCodes.QrFormat)]
    [InlineData("", "qr", ErrorCodes.QrFormat)]
    [InlineData("garbage", "qr", ErrorCodes.QrFormat)]
    [InlineData("https://inv-veri.chinatax.gov.cn/", "qr", ErrorCodes.QrFormat)]
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,", "qr", ErrorCodes.QrFormat)] // 7 fields
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,,B2B6,,", "qr", ErrorCodes.QrFormat)] // two trailing commas
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,,B2B6,X", "qr", ErrorCodes.QrFormat)] // 9 fields
    [InlineData("01，31，，24112000000048542163，4449.00，20240528，，B2B6", "qr", ErrorCodes.QrFormat)] // full-width commas
    [InlineData("1,31,,24112000000048542163,4449.00,20240528,,B2B6", "qr.version", ErrorCodes.QrFormat)]
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,,B2-6", "qr.random", ErrorCodes.QrFormat)]
    [InlineData("01,99,,24112000000048542163,4449.00,20240528,,B2B6", "qr.type", ErrorCodes.TypeUnknown)]
    [InlineData("01,3,,24112000000048542163,4449.00,20240528,,B2B6", "qr.type", ErrorCodes.TypeUnknown)]
    [InlineData("01,31,,2411200000004854216,4449.00,20240528,,B2B6", "qr.number", ErrorCodes.NumberFormat)]
    [InlineData("01,31,,99112000000048542163,4449.00,20240528,,B2B6", "qr.number", ErrorCodes.NumberFormat)] // year 99
    [InlineData("01,31,,,4449.00,20240528,,B2B6", "qr.number", ErrorCodes.NumberFormat)]
    [InlineData("01,10,211002680026,71500013,9709.00,20200220,03272875819686271285,1818,", "qr.code", ErrorCodes.CodeFormat)]
    [InlineData("01,10,01100268002,71500013,9709.00,20200220,03272875819686271285,1818,", "qr.code", ErrorCodes.CodeFormat)]
    [InlineData("01,10,011002680026,7150001,9709.00,20200220,03272875819686271285,1818,", "qr.number", ErrorCodes.NumberFormat)]
    [InlineData("01,31,,24112000000048542163,4449.001,20240528,,B2B6", "qr.amount", ErrorCodes.AmountFormat)]
    [InlineData("01,31,,24112000000048542163,4.449e3,20240528,,B2B6", "qr.amount", ErrorCodes.AmountFormat)]
    [InlineData("01,31,,24112000000048542163,,20240528,,B2B6", "qr.amount", ErrorCodes.AmountFormat)]
    [InlineData("01,31,,24112000000048542163,4449.00,2024-05-28,,B2B6", "qr.date", ErrorCodes.DateFormat)]
    [InlineData("01,31,,24112000000048542163,4449.00,20240231,,B2B6", "qr.date", ErrorCodes.DateFormat)]
    [InlineData("01,10,011002680026,71500013,9709.00,20200220,0327287581968627128,1818,", "qr.checkCode", ErrorCodes.CheckCodeFormat)]
    public void TryParse_Bad_ErrorAtField(string? text, string field, string code)
    {
        var problems = new List<Problem>();

        QrContent.TryParse(text, out QrContent? qr, problems, MaxYear).ShouldBeFalse();

        qr.ShouldBeNull();
        Problem problem = problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe(field);
        problem.Code.ShouldBe(code);
        problem.IsError.ShouldBeTrue();
    }

    [Fact]
    public void TryParse_SeveralBadParts_EveryProblem()
    {
        var problems = new List<Problem>();

        QrContent.TryParse("01,99,,123,abc,2024,,B2B6", out _, problems, MaxYear).ShouldBeFalse();

        problems.Select(p => p.Field).ShouldBe(["qr.type", "qr.number", "qr.amount", "qr.date"]);
    }

    [Theory]
    [InlineData("01,31,,24112000000048542163,4449.00,20240528,03272875819686271285,B2B6", "qr.checkCode", ErrorCodes.CheckCodeUnexpected)]
    [InlineData("01,20,033002000213,83089647,100.00,20240528,03272875819686271285,B2B6", "qr.checkCode", ErrorCodes.CheckCodeUnexpected)]
    [InlineData("01,10,,24112000000048542163,100.00,20240528,,B2B6", "qr.type", ErrorCodes.TypeKeyMismatch)]
    [InlineData("01,31,033002000211,83089647,100.00,20240528,,B2B6", "qr.type", ErrorCodes.TypeKeyMismatch)]
    [InlineData("01,04,033002000211,83089647,100.00,20240528,,B2B6", "qr.type", ErrorCodes.TypeKeyMismatch)]
    public void TryParse_Suspicious_WarningButParsed(string text, string field, string code)
    {
        var problems = new List<Problem>();

        QrContent.TryParse(text, out QrContent? qr, problems, MaxYear).ShouldBeTrue();

        qr.ShouldNotBeNull();
        Problem problem = problems.ShouldHaveSingleItem();
        (problem.Code, problem.Field, problem.Severity).ShouldBe((code, field, Severity.Warning));
    }

    [Fact]
    public void TryParse_NegativeAmount_Parsed()
    {
        QrContent.TryParse($"01,32,,{Some.ShudianNumber()},-100.00,20240528,,0000", out QrContent? qr, [], MaxYear).ShouldBeTrue();

        qr!.Amount.ShouldBe(-100m);
    }

    private static IReadOnlyList<string[]> SampleRows() =>
        SharedFixtures.DataLines("qr", "samples.tsv")
            .Where(line => !line.StartsWith("qr\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .ToList();
}
