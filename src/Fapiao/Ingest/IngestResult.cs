using Fapiao.Validation;

namespace Fapiao.Ingest;

/// <summary>The outcome of one item, reported only once it is durable.</summary>
internal sealed record IngestResult(
    string Source,
    string? Key,
    IngestOutcome Outcome,
    IReadOnlyList<Problem> Problems,
    long? LeafIndex = null,
    long? QuarantineId = null,
    Receipt? Receipt = null);
