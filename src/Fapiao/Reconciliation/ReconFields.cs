namespace Fapiao.Reconciliation;

/// <summary>The compared fields, as a set: which ones a side's inputs can state at all.</summary>
[Flags]
internal enum ReconFields
{
    None = 0,
    IssueDate = 1,
    SellerTaxId = 2,
    BuyerTaxId = 4,
    Amount = 8,
    Tax = 16,
    Total = 32,
    State = 64,
    All = IssueDate | SellerTaxId | BuyerTaxId | Amount | Tax | Total | State,
}
