using System.Globalization;
using System.Text.RegularExpressions;
using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Formats.Exports;

/// <summary>
/// One row of a platform export to a draft: header totals, no lines, so a partial source like a
/// QR record (a later XML or OFD enriches it). The same for CSV and XLSX: only how cells were read
/// differs. Identifiers that went through a spreadsheet's floating point (<c>2.41E+19</c>, a
/// number cell) are refused with <c>spreadsheet.numberAsFloat</c>, never rounded into a key.
/// </summary>
internal static partial class ExportRowMapper
{
    /// <summary>Integers up to 2^53 survive a double exactly; an invoice number or tax ID above that cannot have.</summary>
    private const double ExactIntegerLimit = 9007199254740992d;

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]*)?([eE][+-][0-9]+)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FloatLike();

    [GeneratedRegex(@"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ThousandsSeparated();

    public static InvoiceDraft Map(ExportHeader header, IReadOnlyList<ExportCell> row, List<Problem> problems)
    {
        foreach (var missing in header.Missing)
        {
            problems.Add(Problem.Error(ErrorCodes.CsvColumnMissing, missing, $"The header has no column {missing}, which every row needs."));
        }

        var code = Identifier(header, row, ExportColumn.Code, "code", problems);
        var number = Identifier(header, row, ExportColumn.Number, "number", problems);
        var shudian = Identifier(header, row, ExportColumn.ShudianNumber, "number", problems);
        var draft = new InvoiceDraft
        {
            // A 数电 row fills 数电发票号码 (some exports repeat it in 发票号码); a legacy row fills 发票代码 + 发票号码.
            Code = code,
            Number = code is null && shudian is not null ? shudian : number ?? shudian,
            Type = Kind(Text(header, row, ExportColumn.Type, "type", TextLimits.Name, problems)),
            IssueDate = Date(header.Cell(row, ExportColumn.IssueDate)),
            Seller = Party(header, row, ExportColumn.SellerTaxId, ExportColumn.SellerName, "seller", problems),
            Buyer = Party(header, row, ExportColumn.BuyerTaxId, ExportColumn.BuyerName, "buyer", problems),
            Amount = Money(header, row, ExportColumn.Amount, "amount", problems),
            Tax = Money(header, row, ExportColumn.Tax, "tax", problems),
            Total = Money(header, row, ExportColumn.Total, "total", problems),
            CheckCode = Identifier(header, row, ExportColumn.CheckCode, "checkCode", problems),
            Remarks = Text(header, row, ExportColumn.Remarks, "remarks", TextLimits.Remarks, problems),
            RedLetterOf = Text(header, row, ExportColumn.RedLetterOf, "redLetterOf", TextLimits.Identifier, problems),
            PlatformStatus = Status(header, row, problems),
            IsPartialSource = true,
        };
        CheckSign(header, row, draft, problems);
        return draft;
    }

    private static string? Identifier(ExportHeader header, IReadOnlyList<ExportCell> row, ExportColumn column, string field, List<Problem> problems)
    {
        var cell = header.Cell(row, column);
        if (cell.Number is { } n)
        {
            if (Math.Abs(n) < ExactIntegerLimit && n == Math.Floor(n))
            {
                return n.ToString("0", CultureInfo.InvariantCulture);
            }

            problems.Add(Problem.Error(ErrorCodes.SpreadsheetNumberAsFloat, field, $"\"{field}\" is a number cell ({cell}): a spreadsheet has rounded it to floating point. Format the column as text and export again."));
            return null;
        }

        if (cell.Date is not null)
        {
            problems.Add(Problem.Error(ErrorCodes.SpreadsheetNumberAsFloat, field, $"\"{field}\" is a date cell ({cell}), not text."));
            return null;
        }

        var text = cell.ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if ((text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.OrdinalIgnoreCase)) && IsFloatLike(text))
        {
            problems.Add(Problem.Error(ErrorCodes.SpreadsheetNumberAsFloat, field, $"\"{Quote(text)}\" is a number in floating-point form: a spreadsheet has rounded the {field}. Format the column as text and export again."));
            return null;
        }

        return TextLimits.Check(text, field, TextLimits.Identifier, problems);
    }

    private static string? Text(ExportHeader header, IReadOnlyList<ExportCell> row, ExportColumn column, string field, int maxLength, List<Problem> problems)
    {
        var text = header.Cell(row, column).ToString();
        return text.Length == 0 ? null : TextLimits.Check(text, field, maxLength, problems);
    }

    private static PartyDraft? Party(ExportHeader header, IReadOnlyList<ExportCell> row, ExportColumn taxId, ExportColumn name, string field, List<Problem> problems)
    {
        var party = new PartyDraft
        {
            TaxId = Identifier(header, row, taxId, field + ".taxId", problems),
            Name = Text(header, row, name, field + ".name", TextLimits.Name, problems),
        };
        return party.TaxId is null && party.Name is null ? null : party;
    }

    private static string? Kind(string? text) => text is null ? null : PlatformInvoiceKinds.ToTypeCode(text) ?? text;

    private static string? Date(ExportCell cell)
    {
        if (cell.Date is { } d)
        {
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // Left as it was when it is no date: the validator names it (date.format) with the text.
        var text = cell.ToString();
        return text.Length == 0 ? null
            : ExportDates.TryParse(text, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text.Length > TextLimits.Identifier ? text[..TextLimits.Identifier] : text;
    }

    private static string? Money(ExportHeader header, IReadOnlyList<ExportCell> row, ExportColumn column, string field, List<Problem> problems)
    {
        var text = Text(header, row, column, field, TextLimits.Identifier, problems);
        return text is not null && text.Contains(',', StringComparison.Ordinal) && IsThousandsSeparated(text)
            ? text.Replace(",", "", StringComparison.Ordinal)
            : text;
    }

    private static PlatformStatus? Status(ExportHeader header, IReadOnlyList<ExportCell> row, List<Problem> problems)
    {
        var text = header.Cell(row, ExportColumn.Status).ToString();
        if (text.Length == 0)
        {
            return null;
        }

        var status = PlatformStatuses.Parse(text);
        if (status == PlatformStatus.Unknown)
        {
            problems.Add(Problem.Warning(ErrorCodes.PlatformStatusUnknown, "发票状态", $"The platform status \"{Quote(text)}\" is not one the ledger knows (正常, 作废, 红冲, 部分红冲)."));
        }

        return status;
    }

    /// <summary>是否正数发票 says whether the platform counts the invoice as blue (是) or red (否); the amounts must agree.</summary>
    private static void CheckSign(ExportHeader header, IReadOnlyList<ExportCell> row, InvoiceDraft draft, List<Problem> problems)
    {
        var positive = header.Cell(row, ExportColumn.IsPositive).ToString() switch
        {
            "是" => true,
            "否" => false,
            _ => (bool?)null,
        };
        var amount = Amounts.TryParseMoney(draft.Total ?? draft.Amount, out var value) ? value : 0m;
        if (positive is null || amount == 0m || positive == amount > 0)
        {
            return;
        }

        problems.Add(Problem.Error(ErrorCodes.RedLetterSign, "total", positive.Value
            ? "是否正数发票 says 是 (a blue invoice), but the amounts are negative."
            : "是否正数发票 says 否 (a red-letter invoice), but the amounts are positive."));
    }

    private static bool IsFloatLike(string text)
    {
        try
        {
            return FloatLike().IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsThousandsSeparated(string text)
    {
        try
        {
            return ThousandsSeparated().IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Quote(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
