using System.Globalization;
using Fapiao.Domain;

namespace Fapiao.Reconciliation;

/// <summary>
/// The fields compared, in the order reported: issue date, seller and buyer tax ID, amount, tax,
/// total, state. A field is compared only when both sides state it; money compares as exact
/// decimals (100.5 = 100.50).
/// </summary>
internal static class RecordComparer
{
    public static List<FieldMismatch> Differences(ReconRecord left, ReconRecord right)
    {
        var fields = new List<FieldMismatch>();
        if (left.IssueDate is { } ld && right.IssueDate is { } rd && ld != rd)
        {
            fields.Add(new FieldMismatch("issueDate", Date(ld), Date(rd)));
        }

        Text(fields, "sellerTaxId", left.SellerTaxId, right.SellerTaxId);
        Text(fields, "buyerTaxId", left.BuyerTaxId, right.BuyerTaxId);
        Money(fields, "amount", left.Amount, right.Amount);
        Money(fields, "tax", left.Tax, right.Tax);
        Money(fields, "total", left.Total, right.Total);
        Text(fields, "state", left.State, right.State);
        return fields;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Two decimals as money is written; a value with more decimals keeps them, so two that differ never print alike.</summary>
    public static string MoneyText(decimal value) =>
        Math.Round(value, 2) == value ? Amounts.FormatMoney(value) : value.ToString(CultureInfo.InvariantCulture);

    private static void Text(List<FieldMismatch> fields, string name, string? left, string? right)
    {
        if (left is not null && right is not null && !string.Equals(left, right, StringComparison.Ordinal))
        {
            fields.Add(new FieldMismatch(name, left, right));
        }
    }

    private static void Money(List<FieldMismatch> fields, string name, decimal? left, decimal? right)
    {
        if (left is { } l && right is { } r && l != r)
        {
            fields.Add(new FieldMismatch(name, MoneyText(l), MoneyText(r)));
        }
    }
}
