namespace Fapiao.Ingest;

/// <summary>A field both records have, with different values.</summary>
internal sealed record FieldDifference(string Field, string Ledger, string Submitted);
