namespace Fapiao.Reconciliation;

/// <summary>
/// One invoice row as reconciliation compares it: its key (<c>NUMBER</c> or <c>CODE-NUMBER</c>,
/// kept as the side wrote it even when it is no valid key, so that a mistyped key is still a row),
/// where it came from (<c>FILE:ROW</c>, or <c>ledger#EVENT</c>), and the fields compared. A null
/// field is one the side does not state; it is not compared.
/// </summary>
internal sealed record ReconRecord(
    string Key,
    string Source,
    DateOnly? IssueDate,
    string? SellerTaxId,
    string? BuyerTaxId,
    decimal? Amount,
    decimal? Tax,
    decimal? Total,
    string? State);
