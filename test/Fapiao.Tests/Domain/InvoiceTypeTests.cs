using Fapiao.Domain;

namespace Fapiao.Tests.Domain;

public class InvoiceTypeTests
{
    [Theory]
    [InlineData("01", false, false, true, true)]
    [InlineData("02", false, false, true, true)]
    [InlineData("03", false, false, false, false)]
    [InlineData("04", false, false, false, false)]
    [InlineData("10", false, true, false, false)]
    [InlineData("11", false, false, false, false)]
    [InlineData("14", false, true, false, false)]
    [InlineData("15", false, false, false, false)]
    [InlineData("20", false, true, true, true)]
    [InlineData("31", true, true, true, true)]
    [InlineData("32", true, true, false, true)]
    [InlineData("33", true, true, false, true)]
    [InlineData("34", true, true, false, true)]
    public void TryParse_KnownCode_Facts(string code, bool shudian, bool electronic, bool special, bool lacksCheckCode)
    {
        InvoiceType.TryParse(code, out InvoiceType type).ShouldBeTrue();

        type.ShouldSatisfyAllConditions(
            () => type.Code.ShouldBe(code),
            () => type.ToString().ShouldBe(code),
            () => type.IsKnown.ShouldBeTrue(),
            () => type.IsShudian.ShouldBe(shudian),
            () => type.IsElectronic.ShouldBe(electronic),
            () => type.CanBeVoided.ShouldBe(!electronic),
            () => type.IsSpecial.ShouldBe(special),
            () => type.LacksCheckCode.ShouldBe(lacksCheckCode),
            () => type.ChineseName.ShouldNotBeNullOrWhiteSpace(),
            () => type.EnglishName.ShouldNotBeNullOrWhiteSpace());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("1")]
    [InlineData("001")]
    [InlineData("05")]
    [InlineData("12")]
    [InlineData("30")]
    [InlineData("35")]
    [InlineData("81")] // a platform ticket kind, not a QR type
    [InlineData("０１")] // full-width digits
    [InlineData(" 01")]
    [InlineData("-1")]
    public void TryParse_UnknownCode_False(string code)
    {
        InvoiceType.TryParse(code, out InvoiceType type).ShouldBeFalse();
        InvoiceType.IsKnownCode(code).ShouldBeFalse();
        type.ShouldBe(default);
    }

    [Fact]
    public void All_EveryKnownType_InCodeOrderAndDistinctNames()
    {
        InvoiceType.All.Select(t => t.Code).ShouldBe(
            ["01", "02", "03", "04", "10", "11", "14", "15", "20", "31", "32", "33", "34"]);
        InvoiceType.All.Select(t => t.ChineseName).Distinct().Count().ShouldBe(13);
        InvoiceType.All.Select(t => t.EnglishName).Distinct().Count().ShouldBe(13);
    }

    [Fact]
    public void Default_Unknown_AllFactsFalse()
    {
        InvoiceType type = default;

        type.IsKnown.ShouldBeFalse();
        type.CanBeVoided.ShouldBeFalse();
        type.IsElectronic.ShouldBeFalse();
        type.Category.ShouldBe(InvoiceCategory.Unknown);
        type.TryGetPlatformKind(out _).ShouldBeFalse();
    }

    [Fact]
    public void ChineseName_ShudianSpecial_AsPrinted() =>
        InvoiceType.ShudianSpecial.ChineseName.ShouldBe("电子发票（增值税专用发票）");

    [Theory]
    [InlineData(81, "31")]
    [InlineData(82, "32")]
    public void PlatformKind_Mapped_BothWays(int platformCode, string code)
    {
        var kind = (PlatformTicketKind)platformCode;
        Enum.IsDefined(kind).ShouldBeTrue();

        InvoiceType.TryFromPlatformKind(kind, out InvoiceType type).ShouldBeTrue();
        type.Code.ShouldBe(code);
        type.TryGetPlatformKind(out PlatformTicketKind back).ShouldBeTrue();
        back.ShouldBe(kind);
    }

    [Theory]
    [InlineData(85)]
    [InlineData(86)]
    [InlineData(0)]
    public void TryFromPlatformKind_UnmappedCode_False(int platformCode)
    {
        InvoiceType.TryFromPlatformKind((PlatformTicketKind)platformCode, out InvoiceType type).ShouldBeFalse();
        type.IsKnown.ShouldBeFalse();
    }

    [Theory]
    [InlineData("01")]
    [InlineData("04")]
    [InlineData("10")]
    [InlineData("20")]
    [InlineData("33")]
    public void TryGetPlatformKind_UnmappedType_False(string code)
    {
        InvoiceType.TryParse(code, out InvoiceType type).ShouldBeTrue();
        type.TryGetPlatformKind(out _).ShouldBeFalse();
    }

    [Fact]
    public void Equality_SameCode_Equal()
    {
        InvoiceType.TryParse("31", out InvoiceType parsed).ShouldBeTrue();

        parsed.ShouldBe(InvoiceType.ShudianSpecial);
        parsed.GetHashCode().ShouldBe(InvoiceType.ShudianSpecial.GetHashCode());
        parsed.ShouldNotBe(InvoiceType.ShudianOrdinary);
    }
}
