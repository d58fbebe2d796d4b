namespace Fapiao.Ingest;

/// <summary>
/// A submission waiting for the writer, with who sent it; <paramref name="Resolves"/> names the
/// quarantined item it is a corrected resubmission of.
/// </summary>
internal sealed record WriteItem(Submission Submission, string Actor, long? Resolves = null)
{
    /// <summary>Its <c>recorded</c> event encoded ahead of the writer, where the submitter prepared one (<see cref="IngestRunner"/>).</summary>
    public RecordedEventDraft? Recorded { get; init; }
}
