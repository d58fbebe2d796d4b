namespace Fapiao.Domain;

/// <summary>
/// The canonical invoice. Fields a source does not carry are null (a QR code has no parties or
/// lines); a later, richer submission enriches the record.
/// </summary>
internal sealed record Invoice
{
    public required InvoiceKey Key { get; init; }
    public required string Type { get; init; }
    public required DateOnly IssueDate { get; init; }
    public Party? Seller { get; init; }
    public Party? Buyer { get; init; }
    public IReadOnlyList<InvoiceLine>? Lines { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Tax { get; init; }
    public decimal? Total { get; init; }
    public string? CheckCode { get; init; }
    public string? Remarks { get; init; }
    public InvoiceKey? RedLetterOf { get; init; }

    public bool IsRed => RedLetterOf is not null;
}
