namespace Fapiao.Reconciliation;

/// <summary>An invoice on both sides whose fields differ: every differing field, and both rows.</summary>
internal sealed record Mismatch(string Key, IReadOnlyList<FieldMismatch> Fields, ReconRecord Left, ReconRecord Right);
