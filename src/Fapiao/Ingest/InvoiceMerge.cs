using Fapiao.Domain;

namespace Fapiao.Ingest;

/// <summary>
/// Compares a submission with the record the ledger holds. Every field both have must agree;
/// fields only the submission has are additions (a QR record completed by the full invoice). The
/// QR amount is before tax for legacy types and the total for 数电 types; the validator has already
/// put it in the right field, so here a field is compared only with its own kind.
/// </summary>
internal static class InvoiceMerge
{
    internal sealed record Result(IReadOnlyList<FieldDifference> Differences, IReadOnlyList<string> Added, Invoice Merged);

    public static Result Compare(Invoice ledger, Invoice submitted)
    {
        var diffs = new List<FieldDifference>();
        var added = new List<string>();

        Same(diffs, "type", ledger.Type, submitted.Type);
        Same(diffs, "issueDate", ledger.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), submitted.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var seller = MergeParty(diffs, added, "seller", ledger.Seller, submitted.Seller);
        var buyer = MergeParty(diffs, added, "buyer", ledger.Buyer, submitted.Buyer);
        var lines = MergeLines(diffs, added, ledger.Lines, submitted.Lines);
        var amount = Merge(diffs, added, "amount", ledger.Amount, submitted.Amount);
        var tax = Merge(diffs, added, "tax", ledger.Tax, submitted.Tax);
        var total = Merge(diffs, added, "total", ledger.Total, submitted.Total);
        var checkCode = Merge(diffs, added, "checkCode", ledger.CheckCode, submitted.CheckCode);
        var remarks = Merge(diffs, added, "remarks", ledger.Remarks, submitted.Remarks);
        var red = Merge(diffs, added, "redLetterOf", ledger.RedLetterOf?.ToString(), submitted.RedLetterOf?.ToString());

        var merged = ledger with
        {
            Seller = seller,
            Buyer = buyer,
            Lines = lines,
            Amount = amount,
            Tax = tax,
            Total = total,
            CheckCode = checkCode,
            Remarks = remarks,
            RedLetterOf = red is null ? null : InvoiceKey.Parse(red),
        };
        return new Result(diffs, added, merged);
    }

    private static Party? MergeParty(List<FieldDifference> diffs, List<string> added, string field, Party? ledger, Party? submitted)
    {
        if (submitted is null)
        {
            return ledger;
        }

        var taxId = Merge(diffs, added, field + ".taxId", ledger?.TaxId, submitted.TaxId);
        var name = Merge(diffs, added, field + ".name", ledger?.Name, submitted.Name);
        return new Party(taxId, name);
    }

    private static IReadOnlyList<InvoiceLine>? MergeLines(List<FieldDifference> diffs, List<string> added, IReadOnlyList<InvoiceLine>? ledger, IReadOnlyList<InvoiceLine>? submitted)
    {
        if (submitted is null)
        {
            return ledger;
        }

        if (ledger is null)
        {
            added.Add("lines");
            return submitted;
        }

        if (ledger.Count != submitted.Count)
        {
            diffs.Add(new FieldDifference("lines", $"{ledger.Count} lines", $"{submitted.Count} lines"));
            return ledger;
        }

        for (var i = 0; i < ledger.Count; i++)
        {
            if (ledger[i] != submitted[i])
            {
                diffs.Add(new FieldDifference($"lines[{i}]", Describe(ledger[i]), Describe(submitted[i])));
            }
        }

        return ledger;
    }

    private static string Describe(InvoiceLine line) =>
        $"{line.Name} {line.Quantity} × {line.UnitPrice} = {Amounts.FormatMoney(line.Amount)} @ {line.TaxRate.Canonical} tax {Amounts.FormatMoney(line.Tax)}";

    private static void Same(List<FieldDifference> diffs, string field, string ledger, string submitted)
    {
        if (!string.Equals(ledger, submitted, StringComparison.Ordinal))
        {
            diffs.Add(new FieldDifference(field, ledger, submitted));
        }
    }

    private static string? Merge(List<FieldDifference> diffs, List<string> added, string field, string? ledger, string? submitted)
    {
        if (submitted is null)
        {
            return ledger;
        }

        if (ledger is null)
        {
            added.Add(field);
            return submitted;
        }

        Same(diffs, field, ledger, submitted);
        return ledger;
    }

    private static decimal? Merge(List<FieldDifference> diffs, List<string> added, string field, decimal? ledger, decimal? submitted)
    {
        if (submitted is null)
        {
            return ledger;
        }

        if (ledger is null)
        {
            added.Add(field);
            return submitted;
        }

        if (ledger.Value != submitted.Value)
        {
            diffs.Add(new FieldDifference(field, Amounts.FormatMoney(ledger.Value), Amounts.FormatMoney(submitted.Value)));
        }

        return ledger;
    }
}
