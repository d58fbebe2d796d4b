using Fapiao.Domain;

namespace Fapiao.Storage;

/// <summary>
/// Filters for listing invoices; null means no filter. Results come ordered by key.
/// <see cref="AfterKey"/> is an exclusive lower bound, <see cref="UpToKey"/> an inclusive upper one (as <see cref="KeyRange"/>).
/// </summary>
internal sealed record InvoiceQuery(
    string? Seller = null,
    string? Buyer = null,
    DateOnly? From = null,
    DateOnly? To = null,
    InvoiceState? State = null,
    string? AfterKey = null,
    int? Limit = null,
    string? UpToKey = null);
