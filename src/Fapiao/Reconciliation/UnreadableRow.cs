namespace Fapiao.Reconciliation;

/// <summary>A row of an input that gave no invoice key, so it cannot be matched: where it is and why.</summary>
internal sealed record UnreadableRow(string Side, string Source, string Code, string Message);
