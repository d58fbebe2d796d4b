using Fapiao.Domain;
using Fapiao.Validation;

namespace Fapiao.Storage;

/// <summary>
/// The projection row of one invoice: its current state, derived from its events only. The
/// invoice content itself stays in the event at <see cref="ContentIndex"/>; this row holds what
/// queries filter on and what the writer needs to decide the next outcome.
/// </summary>
internal sealed record InvoiceRecord
{
    public required string Key { get; init; }
    public required InvoiceState State { get; init; }
    public required string Type { get; init; }
    public required DateOnly IssueDate { get; init; }
    public string? SellerTaxId { get; init; }
    public string? BuyerTaxId { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Tax { get; init; }
    public decimal? Total { get; init; }
    public string? RedLetterOf { get; init; }
    public required string ContentHash { get; init; }
    public required long ContentIndex { get; init; }
    public required long FirstIndex { get; init; }
    public required long LastIndex { get; init; }
    public decimal ReversedAmount { get; init; }
    public decimal ReversedTax { get; init; }
    public decimal ReversedTotal { get; init; }
    public IReadOnlyList<Problem> Warnings { get; init; } = [];

    /// <summary>Field-by-field equality, used by verify to compare the stored row with the replayed one.</summary>
    public IEnumerable<string> DifferencesFrom(InvoiceRecord other)
    {
        if (Key != other.Key) yield return "key";
        if (State != other.State) yield return "state";
        if (Type != other.Type) yield return "type";
        if (IssueDate != other.IssueDate) yield return "issueDate";
        if (SellerTaxId != other.SellerTaxId) yield return "sellerTaxId";
        if (BuyerTaxId != other.BuyerTaxId) yield return "buyerTaxId";
        if (Amount != other.Amount) yield return "amount";
        if (Tax != other.Tax) yield return "tax";
        if (Total != other.Total) yield return "total";
        if (RedLetterOf != other.RedLetterOf) yield return "redLetterOf";
        if (ContentHash != other.ContentHash) yield return "contentHash";
        if (ContentIndex != other.ContentIndex) yield return "contentIndex";
        if (FirstIndex != other.FirstIndex) yield return "firstIndex";
        if (LastIndex != other.LastIndex) yield return "lastIndex";
        if (ReversedAmount != other.ReversedAmount) yield return "reversedAmount";
        if (ReversedTax != other.ReversedTax) yield return "reversedTax";
        if (ReversedTotal != other.ReversedTotal) yield return "reversedTotal";
        if (!Warnings.SequenceEqual(other.Warnings)) yield return "warnings";
    }
}
