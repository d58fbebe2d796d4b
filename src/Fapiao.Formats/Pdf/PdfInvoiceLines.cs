using Fapiao.Domain;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// The invoice lines of a PDF's table, read by column: each word goes to the header (项目名称,
/// 规格型号, 单位, 数量, 单价, 金额, 税率/征收率, 税额) whose centre is nearest its own; a row
/// with a name only continues the name above (long names wrap). The lines are given only when
/// every row reads and their amounts and taxes add up to the printed 合计 exactly; otherwise
/// none are: a table read wrong would be a guess, and a later XML or OFD brings the lines anyway.
/// </summary>
internal static class PdfInvoiceLines
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["项目名称"] = "name",
        ["货物或应税劳务、服务名称"] = "name",
        ["货物或应税劳务名称"] = "name",
        ["规格型号"] = "spec",
        ["单位"] = "unit",
        ["数量"] = "quantity",
        ["单价"] = "unitPrice",
        ["金额"] = "amount",
        ["税率/征收率"] = "taxRate",
        ["税率"] = "taxRate",
        ["税额"] = "tax",
    };

    public static List<LineDraft>? Parse(IReadOnlyList<PdfTextLine> lines, string? sumAmount, string? sumTax)
    {
        var header = lines.Select((line, index) => (Columns: Columns(line), Index: index))
            .FirstOrDefault(h => h.Columns.Count >= 4 && h.Columns.ContainsValue("name") && h.Columns.ContainsValue("amount") && h.Columns.ContainsValue("tax"));
        if (header.Columns is null || sumAmount is null || sumTax is null)
        {
            return null;
        }

        var drafts = new List<LineDraft>();
        foreach (var line in lines.Skip(header.Index + 1))
        {
            var cells = Cells(line, header.Columns);
            if (cells.TryGetValue("name", out var name) && name.StartsWith('合'))
            {
                break;
            }

            if (cells.Count == 1 && name is not null && drafts.Count > 0)
            {
                drafts[^1].Name += name;
                continue;
            }

            if (!cells.ContainsKey("amount") || !cells.ContainsKey("tax") || name is null)
            {
                return null;
            }

            drafts.Add(new LineDraft
            {
                Name = name,
                Spec = cells.GetValueOrDefault("spec"),
                Unit = cells.GetValueOrDefault("unit"),
                Quantity = cells.GetValueOrDefault("quantity"),
                UnitPrice = cells.GetValueOrDefault("unitPrice"),
                Amount = cells["amount"],
                TaxRate = cells.GetValueOrDefault("taxRate"),
                Tax = cells["tax"],
            });
        }

        return drafts.Count > 0 && AddsUp(drafts.Select(d => d.Amount), sumAmount) && AddsUp(drafts.Select(d => d.Tax), sumTax) ? drafts : null;
    }

    /// <summary>The header's words that name a column, by their centre.</summary>
    private static Dictionary<double, string> Columns(PdfTextLine line)
    {
        var columns = new Dictionary<double, string>();
        foreach (var word in line.Words)
        {
            if (Headers.TryGetValue(CjkText.Normalise(word.Text), out var field))
            {
                columns.TryAdd(word.Centre, field);
            }
        }

        return columns;
    }

    private static Dictionary<string, string> Cells(PdfTextLine line, Dictionary<double, string> columns)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in line.Words)
        {
            var field = columns.MinBy(c => Math.Abs(c.Key - word.Centre)).Value;
            var text = CjkText.Normalise(word.Text);
            cells[field] = cells.TryGetValue(field, out var before) ? before + text : text;
        }

        return cells;
    }

    private static bool AddsUp(IEnumerable<string?> values, string sum)
    {
        decimal total = 0;
        foreach (var value in values)
        {
            if (!Amounts.TryParseMoney(value, out var v))
            {
                return false;
            }

            total += v;
        }

        return Amounts.TryParseMoney(sum, out var expected) && total == expected;
    }
}
