using Fapiao.Formats.Pdf;

namespace Fapiao.Formats.Tests.Pdf;

/// <summary>
/// The label reading on its own. The test font (fonts-arphic-gbsn00lp) has no glyphs for the
/// radical blocks, so text that extracts as radicals is tested here rather than through a PDF.
/// </summary>
public sealed class PdfInvoiceTextTests
{
    [Fact]
    public void Parse_TextExtractedAsRadicals_IsRepairedBeforeTheLabelsAreRead()
    {
        // ⽇ U+2F47 (Kangxi sun) for 日, ⾦ U+2FA6 (Kangxi gold) for 金, ⻓ U+2ED3 for 长, ⻔ U+2ED4 for 门.
        string[] lines =
        [
            "发票号码：24112000000048542163",
            "开票\u2F47期：2024年05月28\u2F47",
            "名称：\u2ED3城\u2ED4业有限公司 名称：华为技术有限公司",
            "纳税人识别号：91330100799655058B 纳税人识别号：914403001922038216",
            "合 计 ¥4,197.17 ¥251.83",
            "价税合计（大写） 肆仟肆佰肆拾玖圆整 （小写）¥4,449.00",
        ];

        var text = PdfInvoiceText.Parse(lines);

        text.IssueDate.ShouldBe("2024-05-28");
        text.BuyerName.ShouldBe("长城门业有限公司");
        text.SellerName.ShouldBe("华为技术有限公司");
        (text.Amount, text.Tax, text.Total).ShouldBe(("4197.17", "251.83", "4449.00"));
    }

    [Fact]
    public void Parse_BuyerWithoutTaxId_KeepsTheSellersInItsPlace()
    {
        string[] lines =
        [
            "名称：个人 名称：华为技术有限公司",
            "统一社会信用代码/纳税人识别号： 统一社会信用代码/纳税人识别号：914403001922038216",
        ];

        var text = PdfInvoiceText.Parse(lines);

        (text.BuyerName, text.BuyerTaxId).ShouldBe(("个人", null));
        (text.SellerName, text.SellerTaxId).ShouldBe(("华为技术有限公司", "914403001922038216"));
    }

    [Fact]
    public void Parse_PartyLabelsNotExactlyTwice_LeavesThePartiesOut()
    {
        var text = PdfInvoiceText.Parse(["名称：华为技术有限公司", "纳税人识别号：914403001922038216", "项目名称 金额"]);

        (text.SellerName, text.SellerTaxId, text.BuyerName, text.BuyerTaxId).ShouldBe((null, null, null, null));
    }

    [Fact]
    public void Parse_NoInvoiceLabels_IsNotInvoiceText()
    {
        var text = PdfInvoiceText.Parse(["??????????: 24112000000048542163", "?? ? ?4197.17"]);

        text.IsInvoiceText.ShouldBeFalse();
        text.Number.ShouldBeNull();
    }
}
