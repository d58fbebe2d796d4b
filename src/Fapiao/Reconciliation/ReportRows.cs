namespace Fapiao.Reconciliation;

/// <summary>
/// A result as tables, one per class, the same for every report (HTML, XLSX, CSV): the header and
/// the rows of each class as text cells, so the formats cannot drift apart.
/// </summary>
internal static class ReportRows
{
    public static readonly string[] FieldNames = ["issueDate", "sellerTaxId", "buyerTaxId", "amount", "tax", "total", "state"];

    public static readonly string[] RecordHeader = ["key", "source", .. FieldNames];

    /// <summary>The classes in report order: (name, Chinese title, header, rows).</summary>
    public static IEnumerable<(string Name, string Chinese, string[] Header, IEnumerable<string?[]> Rows)> Tables(ReconciliationResult result)
    {
        yield return (DifferenceClasses.MissingInLedger, "账本缺失（仅在对方）", RecordHeader, result.MissingInLedger.Select(Record));
        yield return (DifferenceClasses.MissingInOther, "对方缺失（仅在账本）", RecordHeader, result.MissingInOther.Select(Record));
        yield return (DifferenceClasses.Mismatched, "不一致", ["key", "field", "left", "right", "leftSource", "rightSource"],
            result.Mismatched.SelectMany(m => m.Fields.Select(f => new string?[] { m.Key, f.Field, f.Left, f.Right, m.Left.Source, m.Right.Source })));
        yield return (DifferenceClasses.Duplicate, "重复", ["key", "side", "source", .. FieldNames],
            result.Duplicates.SelectMany(d => d.Left.Select(r => Sided("left", r)).Concat(d.Right.Select(r => Sided("right", r)))));
        yield return ("suggestions", "可能相同的发票", ["left", "right", "reason", "detail"],
            result.Suggestions.Select(s => new string?[] { s.Left, s.Right, s.Reason, s.Detail }));
        yield return ("unreadable", "无法读取的行", ["side", "source", "code", "message"],
            result.Unreadable.Select(u => new string?[] { u.Side, u.Source, u.Code, u.Message }));
    }

    public static IEnumerable<(string Name, string? Value)> Fields(ReconRecord r)
    {
        yield return ("issueDate", r.IssueDate is { } d ? RecordComparer.Date(d) : null);
        yield return ("sellerTaxId", r.SellerTaxId);
        yield return ("buyerTaxId", r.BuyerTaxId);
        yield return ("amount", r.Amount is { } a ? RecordComparer.MoneyText(a) : null);
        yield return ("tax", r.Tax is { } t ? RecordComparer.MoneyText(t) : null);
        yield return ("total", r.Total is { } total ? RecordComparer.MoneyText(total) : null);
        yield return ("state", r.State);
    }

    private static string?[] Record(ReconRecord r) => [r.Key, r.Source, .. Fields(r).Select(f => f.Value)];

    private static string?[] Sided(string side, ReconRecord r) => [r.Key, side, r.Source, .. Fields(r).Select(f => f.Value)];
}
