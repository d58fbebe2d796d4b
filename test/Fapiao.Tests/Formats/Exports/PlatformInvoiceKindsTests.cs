using Fapiao.Domain;
using Fapiao.Formats.Exports;

namespace Fapiao.Tests.Formats.Exports;

public sealed class PlatformInvoiceKindsTests
{
    [Theory]
    [InlineData("数电票（增值税专用发票）", "31")]
    [InlineData("电子发票（增值税专用发票）", "31")]
    [InlineData("数电票(增值税专用发票)", "31")]
    [InlineData("数电票（普通发票）", "32")]
    [InlineData("电子发票（普通发票）", "32")]
    [InlineData("普通发票", "32")]
    [InlineData("专用发票", "31")]
    [InlineData("增值税专用发票", "01")]
    [InlineData("增值税普通发票", "04")]
    [InlineData("增值税电子普通发票", "10")]
    [InlineData("增值税电子专用发票", "20")]
    [InlineData("机动车销售统一发票", "03")]
    [InlineData("电子发票（机动车销售统一发票）", "33")]
    [InlineData("31", "31")]
    [InlineData("81", "31")]
    [InlineData("82", "32")]
    public void ToTypeCode_PlatformKindText_GivesTheQrTypeCode(string text, string code) =>
        PlatformInvoiceKinds.ToTypeCode(text).ShouldBe(code);

    [Theory]
    [InlineData("数电票（火车票）")]
    [InlineData("99")]
    [InlineData("85")]
    [InlineData("")]
    public void ToTypeCode_UnknownKind_IsNull(string text) => PlatformInvoiceKinds.ToTypeCode(text).ShouldBeNull();

    [Fact]
    public void ToTypeCode_EveryKnownTypesChineseName_ReadsBackAsItsCode()
    {
        foreach (var type in InvoiceType.All)
        {
            PlatformInvoiceKinds.ToTypeCode(type.ChineseName).ShouldBe(type.Code, type.ChineseName);
        }
    }
}
