namespace Fapiao.Reconciliation;

/// <summary>One field on which the two sides disagree, with both values as text.</summary>
internal sealed record FieldMismatch(string Field, string Left, string Right);
