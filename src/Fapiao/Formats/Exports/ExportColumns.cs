using System.Collections.Frozen;
using System.Text;

namespace Fapiao.Formats.Exports;

/// <summary>
/// The header names of each column: the platform's (with the synonyms seen in its exports) and the
/// English names of the ledger's own export, so that what <c>fapiao export</c> writes reads back.
/// Names compare after NFKC normalisation (full-width brackets become ASCII), without white space,
/// case-insensitively, and without a trailing unit <c>(元)</c>.
/// </summary>
internal static class ExportColumns
{
    /// <summary>The ledger's own export, in its column order.</summary>
    public static IReadOnlyList<(ExportColumn Column, string Name)> LedgerExport { get; } =
    [
        (ExportColumn.Number, "number"), (ExportColumn.Code, "code"), (ExportColumn.Type, "type"),
        (ExportColumn.IssueDate, "issueDate"), (ExportColumn.SellerTaxId, "sellerTaxId"), (ExportColumn.SellerName, "sellerName"),
        (ExportColumn.BuyerTaxId, "buyerTaxId"), (ExportColumn.BuyerName, "buyerName"), (ExportColumn.Amount, "amount"),
        (ExportColumn.Tax, "tax"), (ExportColumn.Total, "total"), (ExportColumn.CheckCode, "checkCode"),
        (ExportColumn.RedLetterOf, "redLetterOf"), (ExportColumn.Status, "state"), (ExportColumn.Remarks, "remarks"),
    ];

    private static readonly (ExportColumn Column, string Name)[] PlatformNames =
    [
        (ExportColumn.Code, "发票代码"),
        (ExportColumn.Number, "发票号码"),
        (ExportColumn.ShudianNumber, "数电发票号码"), (ExportColumn.ShudianNumber, "数电票号码"), (ExportColumn.ShudianNumber, "全电发票号码"),
        (ExportColumn.Type, "发票票种"), (ExportColumn.Type, "票种"),
        (ExportColumn.IssueDate, "开票日期"),
        (ExportColumn.SellerTaxId, "销方识别号"), (ExportColumn.SellerTaxId, "销售方识别号"), (ExportColumn.SellerTaxId, "销方纳税人识别号"), (ExportColumn.SellerTaxId, "销售方纳税人识别号"),
        (ExportColumn.SellerName, "销方名称"), (ExportColumn.SellerName, "销售方名称"),
        (ExportColumn.BuyerTaxId, "购方识别号"), (ExportColumn.BuyerTaxId, "购买方识别号"), (ExportColumn.BuyerTaxId, "购方纳税人识别号"), (ExportColumn.BuyerTaxId, "购买方纳税人识别号"),
        (ExportColumn.BuyerName, "购买方名称"), (ExportColumn.BuyerName, "购方名称"),
        (ExportColumn.Amount, "金额"),
        (ExportColumn.Tax, "税额"),
        (ExportColumn.Total, "价税合计"),
        (ExportColumn.CheckCode, "校验码"),
        (ExportColumn.Remarks, "备注"),
        (ExportColumn.Status, "发票状态"),
        (ExportColumn.IsPositive, "是否正数发票"),
        (ExportColumn.Source, "发票来源"),
        (ExportColumn.Drawer, "开票人"),
    ];

    private static readonly FrozenDictionary<string, ExportColumn> ByName =
        PlatformNames.Concat(LedgerExport).ToFrozenDictionary(p => Normalize(p.Name), p => p.Column, StringComparer.OrdinalIgnoreCase);

    /// <summary>The column a header cell names, if any.</summary>
    public static bool TryFind(string? header, out ExportColumn column) => ByName.TryGetValue(Normalize(header), out column);

    /// <summary>The English header line of the ledger's own CSV export.</summary>
    public static string LedgerExportHeader => string.Join(',', LedgerExport.Select(c => c.Name));

    private static string Normalize(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return "";
        }

        var text = header.Length > 64 ? header[..64] : header;
        try
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; such a cell names no column anyway.
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                builder.Append(c);
            }
        }

        var name = builder.ToString();
        return name.EndsWith("(元)", StringComparison.Ordinal) ? name[..^3] : name;
    }
}
