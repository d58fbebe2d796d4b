using System.Globalization;
using System.Text.RegularExpressions;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// The fields an e-invoice's printed text gives, found by their labels (发票号码, 开票日期, 名称,
/// 纳税人识别号, 合计, 价税合计（小写）). Buyer and seller carry the same labels; the buyer's block
/// comes first in reading order on both the legacy layout (stacked) and the 数电 one (side by
/// side), so a party label is used only when it occurs exactly twice. Lines and remarks are not
/// read: their layout varies too much to read them without guessing.
/// </summary>
internal sealed partial record PdfInvoiceText
{
    public string? Number { get; init; }
    public string? Code { get; init; }
    public string? IssueDate { get; init; }
    public string? CheckCode { get; init; }
    public string? BuyerName { get; init; }
    public string? BuyerTaxId { get; init; }
    public string? SellerName { get; init; }
    public string? SellerTaxId { get; init; }
    public string? Amount { get; init; }
    public string? Tax { get; init; }
    public string? Total { get; init; }

    /// <summary>True when the text has an invoice's labels at all: with fonts not embedded (railway tickets) it has none.</summary>
    public bool IsInvoiceText => Number is not null || IssueDate is not null || SellerName is not null;

    /// <summary>Reads the fields from the page text as extracted, one string a text line; <see cref="CjkText"/> repairs it first.</summary>
    public static PdfInvoiceText Parse(IEnumerable<string> lines)
    {
        var text = CjkText.Normalise(string.Join('\n', lines));
        var names = Values(NameLabel(), text);
        var taxIds = Values(TaxIdLabel(), text);
        var sums = SumLine().Match(text);
        var date = DateLabel().Match(text);
        return new PdfInvoiceText
        {
            Number = Value(NumberLabel(), text),
            Code = Value(CodeLabel(), text),
            IssueDate = date.Success ? IsoDate(date) : null,
            CheckCode = Value(CheckCodeLabel(), text)?.Replace(" ", "", StringComparison.Ordinal),
            BuyerName = names.Count == 2 ? names[0] : null,
            SellerName = names.Count == 2 ? names[1] : null,
            BuyerTaxId = taxIds.Count == 2 ? taxIds[0] : null,
            SellerTaxId = taxIds.Count == 2 ? taxIds[1] : null,
            Amount = sums.Success ? Money(sums.Groups[1].Value) : null,
            Tax = sums.Success ? Money(sums.Groups[2].Value) : null,
            Total = Value(TotalLabel(), text) is { } total ? Money(total) : null,
        };
    }

    private static string? Value(Regex label, string text) => label.Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Every occurrence's value in reading order; an empty value (a buyer without a tax ID) is null.</summary>
    private static List<string?> Values(Regex label, string text) =>
        label.Matches(text).Select(m => m.Groups[1].Value is { Length: > 0 } v ? v : null).ToList();

    private static string? IsoDate(Match m) =>
        DateOnly.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value.PadLeft(2, '0')}-{m.Groups[3].Value.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    /// <summary>Printed amounts may group thousands with commas; the draft wants plain digits.</summary>
    private static string Money(string printed) => printed.Replace(",", "", StringComparison.Ordinal);

    [GeneratedRegex(@"发\s*票\s*号\s*码\s*[:：]\s*(\d{20}|\d{8})(?!\d)")]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"发\s*票\s*代\s*码\s*[:：]\s*(\d{12}|\d{10})(?!\d)")]
    private static partial Regex CodeLabel();

    [GeneratedRegex(@"开\s*票\s*日\s*期\s*[:：]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"校\s*验\s*码\s*[:：]\s*((?:\d\s*){19}\d)")]
    private static partial Regex CheckCodeLabel();

    [GeneratedRegex(@"(?<![项目货物劳务服务])名\s*称\s*[:：][ \t]*([^\s:：]*)")]
    private static partial Regex NameLabel();

    [GeneratedRegex(@"纳税人识别号\s*[:：][ \t]*([0-9A-Z]{15,20})?")]
    private static partial Regex TaxIdLabel();

    [GeneratedRegex(@"合\s*计\s*[¥￥]\s*(-?[\d,]+\.\d{2})\s*[¥￥]\s*(-?[\d,]+\.\d{2})")]
    private static partial Regex SumLine();

    [GeneratedRegex(@"[（(]\s*小\s*写\s*[)）]\s*[¥￥]?\s*(-?[\d,]+\.\d{2})")]
    private static partial Regex TotalLabel();
}
