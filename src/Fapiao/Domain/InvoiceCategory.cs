namespace Fapiao.Domain;

/// <summary>
/// The broad kind of a legacy invoice, the one both its type and its invoice code speak of:
/// compared to spot a type that contradicts its code.
/// </summary>
internal enum InvoiceCategory
{
    /// <summary>DOMAIN.md says nothing that places it (motor vehicle and used car invoices).</summary>
    Unknown,

    /// <summary>A VAT special invoice (增值税专用发票): the buyer may deduct its input tax.</summary>
    Special,

    /// <summary>An ordinary invoice (普通发票), roll invoices included.</summary>
    Ordinary,

    /// <summary>The freight transport special invoice (货物运输业增值税专用发票), stopped in 2016.</summary>
    Freight,
}
