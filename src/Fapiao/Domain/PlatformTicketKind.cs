namespace Fapiao.Domain;

/// <summary>
/// The tax platform's own ticket-kind codes (票种代码) as its exports and APIs write them. A list
/// apart from the QR type codes of <see cref="InvoiceType"/>; map between the two only through
/// <see cref="InvoiceType.TryFromPlatformKind"/> and <see cref="InvoiceType.TryGetPlatformKind"/>.
/// </summary>
/// <remarks>
/// Only the codes whose meaning is certain are listed. The platform has more (85, 86, …); they are
/// left out, and so unmapped, on purpose until their meaning is confirmed from a real export.
/// </remarks>
internal enum PlatformTicketKind
{
    /// <summary>81: 数电票 special invoice, 电子发票（增值税专用发票）; QR type 31.</summary>
    ShudianSpecial = 81,

    /// <summary>82: 数电票 ordinary invoice, 电子发票（普通发票）; QR type 32.</summary>
    ShudianOrdinary = 82,
}
