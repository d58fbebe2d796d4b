namespace Fapiao.Ingest;

/// <summary>A submission waiting for the writer, with who sent it.</summary>
internal sealed record WriteItem(Submission Submission, string Actor);
