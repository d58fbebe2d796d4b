using Fapiao.Domain;

namespace Fapiao.Formats;

/// <summary>
/// An invoice as a source gave it: every field still raw text, nothing interpreted yet.
/// Every format (JSON, QR, XML, OFD, exports) produces drafts; one validator turns them into invoices,
/// so the rules live in one place whatever the source.
/// </summary>
internal sealed class InvoiceDraft
{
    public string? Number { get; set; }
    public string? Code { get; set; }
    public string? Type { get; set; }
    public string? IssueDate { get; set; }
    public PartyDraft? Seller { get; set; }
    public PartyDraft? Buyer { get; set; }
    public List<LineDraft>? Lines { get; set; }
    public string? Amount { get; set; }
    public string? Tax { get; set; }
    public string? Total { get; set; }
    public string? CheckCode { get; set; }
    public string? Remarks { get; set; }
    public string? RedLetterOf { get; set; }

    /// <summary>
    /// True for sources that cannot carry everything (a QR code): a red-letter reference they
    /// lack is then a warning, to be completed by a richer submission, not an error.
    /// </summary>
    public bool IsPartialSource { get; set; }

    /// <summary>
    /// The state the tax platform reports for the invoice (a platform export's 发票状态), or null
    /// when the source does not say. Not part of the invoice's content: it travels beside it.
    /// </summary>
    public PlatformStatus? PlatformStatus { get; set; }
}

/// <summary>A seller or buyer as the source gave it.</summary>
internal sealed class PartyDraft
{
    public string? TaxId { get; set; }
    public string? Name { get; set; }
}

/// <summary>One invoice line as the source gave it.</summary>
internal sealed class LineDraft
{
    public string? Name { get; set; }
    public string? Spec { get; set; }
    public string? Unit { get; set; }
    public string? Quantity { get; set; }
    public string? UnitPrice { get; set; }
    public string? Amount { get; set; }
    public string? TaxRate { get; set; }
    public string? Tax { get; set; }
}
