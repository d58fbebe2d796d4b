using Fapiao.Domain;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ledger.Events;

/// <summary>
/// The one definition of current state: folds an invoice's events, in log order, into its
/// projection row. The writer uses it to produce rows; verify uses it to recompute them.
/// </summary>
internal static class Projector
{
    public static InvoiceRecord Apply(InvoiceRecord? current, LedgerEvent e, long index)
    {
        switch (e.Kind)
        {
            case EventKinds.Recorded:
                if (current is not null)
                {
                    throw new InvalidOperationException($"Event {index} records {e.Key} a second time.");
                }

                return FromInvoice(e, index);

            case EventKinds.Enriched:
                var enriched = FromInvoice(e, index);
                var basis = Require(current, e, index);
                return enriched with
                {
                    FirstIndex = basis.FirstIndex,
                    State = basis.State,
                    ReversedAmount = basis.ReversedAmount,
                    ReversedTax = basis.ReversedTax,
                    ReversedTotal = basis.ReversedTotal,
                    Warnings = Union(basis.Warnings, e.Warnings),
                };

            case EventKinds.Reversed:
                var blue = Require(current, e, index);
                var reversed = blue with
                {
                    ReversedAmount = blue.ReversedAmount + (e.Amount ?? 0),
                    ReversedTax = blue.ReversedTax + (e.Tax ?? 0),
                    ReversedTotal = blue.ReversedTotal + (e.Total ?? 0),
                    LastIndex = index,
                    Warnings = Union(blue.Warnings, e.Warnings),
                };
                return reversed with { State = ReversalState(reversed) };

            case EventKinds.QuarantineResolved:
                return Require(current, e, index) with { LastIndex = index };

            case EventKinds.Voided:
                return Require(current, e, index) with { State = InvoiceState.Voided, LastIndex = index };

            default:
                throw new InvalidOperationException($"Event {index} has the unknown kind \"{e.Kind}\".");
        }
    }

    /// <summary>Reversed when the red invoices take off the whole total (or, without a total, the whole amount).</summary>
    public static InvoiceState ReversalState(InvoiceRecord blue)
    {
        var full = blue.Total is { } total && total != 0
            ? -blue.ReversedTotal >= total
            : blue.Amount is { } amount && amount != 0 && -blue.ReversedAmount >= amount;
        return full ? InvoiceState.Reversed : InvoiceState.PartiallyReversed;
    }

    private static InvoiceRecord FromInvoice(LedgerEvent e, long index)
    {
        var invoice = e.Invoice ?? throw new InvalidOperationException($"Event {index} ({e.Kind}) carries no invoice.");
        return new InvoiceRecord
        {
            Key = invoice.Key.ToString(),
            State = InvoiceState.Normal,
            Type = invoice.Type,
            IssueDate = invoice.IssueDate,
            SellerTaxId = invoice.Seller?.TaxId,
            BuyerTaxId = invoice.Buyer?.TaxId,
            Amount = invoice.Amount,
            Tax = invoice.Tax,
            Total = invoice.Total,
            RedLetterOf = invoice.RedLetterOf?.ToString(),
            ContentHash = e.ContentHash ?? throw new InvalidOperationException($"Event {index} has no content hash."),
            ContentIndex = index,
            FirstIndex = index,
            LastIndex = index,
            Warnings = e.Warnings,
        };
    }

    private static InvoiceRecord Require(InvoiceRecord? current, LedgerEvent e, long index) =>
        current ?? throw new InvalidOperationException($"Event {index} ({e.Kind}) refers to {e.Key}, which has not been recorded before it.");

    private static IReadOnlyList<Problem> Union(IReadOnlyList<Problem> a, IReadOnlyList<Problem> b) =>
        b.Count == 0 ? a : a.Concat(b).Distinct().ToList();
}
