namespace Fapiao.Ingest;

/// <summary>What happened to one submitted item (DESIGN.md, "Ingest semantics").</summary>
public enum IngestOutcome
{
    Accepted,
    Duplicate,
    Enriched,
    Conflict,
    Rejected,
}

public static class IngestOutcomes
{
    public static string ToText(this IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Accepted => "accepted",
        IngestOutcome.Duplicate => "duplicate",
        IngestOutcome.Enriched => "enriched",
        IngestOutcome.Conflict => "conflict",
        IngestOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
