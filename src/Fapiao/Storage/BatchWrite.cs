namespace Fapiao.Storage;

/// <summary>Everything one group commit writes for one tenant, in one transaction.</summary>
internal sealed class BatchWrite
{
    public List<StoredEvent> Events { get; } = [];
    public List<(int Level, long Index, byte[] Hash)> Nodes { get; } = [];
    public List<InvoiceRecord> Invoices { get; } = [];
    public List<QuarantineItem> Quarantine { get; } = [];
    public List<QuarantineResolution> Resolutions { get; } = [];
    public SignedCheckpoint? Checkpoint { get; set; }
    public required LogHead Head { get; set; }

    public bool IsEmpty => Events.Count == 0 && Quarantine.Count == 0;
}
