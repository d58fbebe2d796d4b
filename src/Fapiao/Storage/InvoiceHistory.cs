namespace Fapiao.Storage;

/// <summary>One invoice's projection row with its events in log order, as read in one snapshot.</summary>
internal sealed record InvoiceHistory(InvoiceRecord Record, IReadOnlyList<StoredEvent> Events);
