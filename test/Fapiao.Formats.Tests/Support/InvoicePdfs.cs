using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Fapiao.Formats.Tests.Support;

/// <summary>
/// Builds PDF e-invoices as issuing software does: printed text in an embedded CJK TrueType font
/// (Debian's fonts-arphic-gbsn00lp, installed by scripts/test.sh) and the QR code as an image.
/// </summary>
internal static class InvoicePdfs
{
    public const string CjkFontPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    private static readonly Lazy<byte[]> CjkFont = new(() => File.Exists(CjkFontPath)
        ? File.ReadAllBytes(CjkFontPath)
        : throw new FileNotFoundException($"The CJK test font is missing: apt-get install fonts-arphic-gbsn00lp (scripts/test.sh does).", CjkFontPath));

    /// <summary>One piece of printed text at (x, y) in points from the bottom left of an A4-wide page.</summary>
    public sealed record Text(double X, double Y, string Value);

    /// <summary>
    /// A one-page invoice with <paramref name="texts"/> and, when <paramref name="qrImage"/> is given,
    /// that PNG drawn at the top left. <paramref name="embedFont"/> false draws the text with a
    /// standard font that has no CJK glyphs, as a PDF whose fonts are not embedded reads back.
    /// </summary>
    public static byte[] Build(IEnumerable<Text> texts, byte[]? qrImage, bool embedFont = true, int pages = 1) =>
        Build(texts, qrImage, vectorQr: null, embedFont, pages);

    /// <summary>The invoice with its QR code drawn as filled rectangles, one a dark module, as some issuing software draws it.</summary>
    public static byte[] BuildWithVectorQr(IEnumerable<Text> texts, string qr) => Build(texts, qrImage: null, vectorQr: qr, embedFont: true, pages: 1);

    private static byte[] Build(IEnumerable<Text> texts, byte[]? qrImage, string? vectorQr, bool embedFont, int pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = embedFont ? builder.AddTrueTypeFont(CjkFont.Value) : builder.AddStandard14Font(Standard14Font.Helvetica);
        var list = texts.ToList();
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(595, 400);
            if (qrImage is not null && p == 0)
            {
                page.AddPng(qrImage, new PdfRectangle(20, 310, 100, 390));
            }

            if (vectorQr is not null && p == 0)
            {
                var modules = QrImages.Modules(vectorQr);
                var size = 70.0 / modules.Width;
                for (var y = 0; y < modules.Height; y++)
                {
                    for (var x = 0; x < modules.Width; x++)
                    {
                        if (modules[x, y])
                        {
                            page.DrawRectangle(new PdfPoint(25 + (x * size), 385 - ((y + 1) * size)), size, size, 0, fill: true);
                        }
                    }
                }
            }

            foreach (var text in list)
            {
                page.AddText(embedFont ? text.Value : Ascii(text.Value), 9, new PdfPoint(text.X, text.Y), font);
            }
        }

        return builder.Build();
    }

    /// <summary>A 数电 special invoice (type 31) laid out as the platform prints it: buyer and seller side by side.</summary>
    public static IEnumerable<Text> Shudian(string number = "24112000000048542163", string date = "2024年05月28日", string total = "4449.00") =>
    [
        new(220, 380, "电子发票（增值税专用发票）"),
        new(420, 370, $"发票号码：{number}"),
        new(420, 358, $"开票日期：{date}"),
        new(20, 290, "购买方信息"), new(60, 290, "名称：阿里巴巴（中国）有限公司"),
        new(300, 290, "销售方信息"), new(340, 290, "名称：华为技术有限公司"),
        new(60, 276, "统一社会信用代码/纳税人识别号：91330100799655058B"),
        new(340, 276, "统一社会信用代码/纳税人识别号：914403001922038216"),
        new(20, 250, "项目名称"), new(160, 250, "规格型号"), new(240, 250, "单位"), new(300, 250, "数量"),
        new(360, 250, "单价"), new(420, 250, "金额"), new(480, 250, "税率/征收率"), new(540, 250, "税额"),
        new(20, 236, "*信息技术服务*软件开发"), new(240, 236, "项"), new(300, 236, "1"),
        new(360, 236, "4197.17"), new(420, 236, "4197.17"), new(480, 236, "6%"), new(540, 236, "251.83"),
        new(20, 200, "合"), new(60, 200, "计"), new(420, 200, "¥4197.17"), new(540, 200, "¥251.83"),
        new(20, 186, "价税合计（大写）"), new(120, 186, "肆仟肆佰肆拾玖圆整"), new(420, 186, $"（小写）¥{total}"),
        new(20, 150, "备注"),
        new(20, 100, "开票人：张三"),
    ];

    /// <summary>A legacy electronic ordinary invoice (type 10): buyer above, seller below, a check code.</summary>
    public static IEnumerable<Text> Legacy() =>
    [
        new(200, 380, "北京增值税电子普通发票"),
        new(420, 384, "发票代码：011002680026"),
        new(420, 372, "发票号码：71500013"),
        new(420, 360, "开票日期：2020年02月20日"),
        new(420, 348, "校 验 码：03272 87581 96862 71285"),
        new(20, 290, "购买方"), new(60, 290, "名    称：阿里巴巴（中国）有限公司"),
        new(60, 278, "纳税人识别号：91330100799655058B"),
        new(20, 250, "货物或应税劳务、服务名称"), new(420, 250, "金额"), new(480, 250, "税率"), new(540, 250, "税额"),
        new(20, 236, "*信息技术服务*技术咨询费"), new(420, 236, "9709.00"), new(480, 236, "3%"), new(540, 236, "291.27"),
        new(20, 210, "合"), new(60, 210, "计"), new(420, 210, "¥9709.00"), new(540, 210, "¥291.27"),
        new(20, 196, "价税合计（大写）"), new(120, 196, "壹万圆贰角柒分"), new(420, 196, "（小写）¥10000.27"),
        new(20, 160, "销售方"), new(60, 160, "名    称：华为技术有限公司"),
        new(60, 148, "纳税人识别号：914403001922038216"),
    ];

    private static string Ascii(string text) => new(text.Select(c => c < 128 ? c : '?').ToArray());
}
