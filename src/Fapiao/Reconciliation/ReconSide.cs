namespace Fapiao.Reconciliation;

/// <summary>
/// One side as the result describes it: its name (a file name, or <c>ledger:TENANT</c>), how many
/// keyed rows it had in the period, how many rows could not be keyed, and the SHA-256 of what was
/// read (a file's bytes; for the ledger, its Merkle root at the size read).
/// </summary>
internal sealed record ReconSide(string Name, long Count, long Unreadable, string Sha256);
