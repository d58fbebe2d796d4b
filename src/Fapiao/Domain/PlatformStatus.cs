namespace Fapiao.Domain;

/// <summary>
/// The state of an invoice as the tax platform reports it in its exports (发票状态). The platform's
/// word, not the ledger's: the ledger's own state comes from its log (<see cref="InvoiceState"/>).
/// </summary>
public enum PlatformStatus
{
    /// <summary>A status the reader does not know (失控, 异常, …): kept as unknown, with a warning.</summary>
    Unknown,

    /// <summary>正常.</summary>
    Normal,

    /// <summary>作废 / 已作废: a paper invoice voided by its issuer.</summary>
    Voided,

    /// <summary>红冲 / 已红冲 / 全额红冲: fully reversed by red-letter invoices.</summary>
    Reversed,

    /// <summary>部分红冲 / 已部分红冲: partly reversed by red-letter invoices.</summary>
    PartiallyReversed,
}
