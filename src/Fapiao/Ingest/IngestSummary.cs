namespace Fapiao.Ingest;

/// <summary>Counts of outcomes; <see cref="Warnings"/> counts the kept items that carry at least one warning.</summary>
internal sealed class IngestSummary
{
    public long Accepted { get; private set; }
    public long Duplicates { get; private set; }
    public long Enriched { get; private set; }
    public long Conflicts { get; private set; }
    public long Rejected { get; private set; }
    public long Warnings { get; private set; }

    public long Total => Accepted + Duplicates + Enriched + Conflicts + Rejected;

    public bool AllKept => Conflicts == 0 && Rejected == 0;

    public void Add(IngestResult result)
    {
        switch (result.Outcome)
        {
            case IngestOutcome.Accepted: Accepted++; break;
            case IngestOutcome.Duplicate: Duplicates++; break;
            case IngestOutcome.Enriched: Enriched++; break;
            case IngestOutcome.Conflict: Conflicts++; return;
            case IngestOutcome.Rejected: Rejected++; return;
        }

        if (result.Problems.Any(p => !p.IsError))
        {
            Warnings++;
        }
    }
}
