namespace Fapiao.Domain;

/// <summary>One line of an invoice. Money is exact; quantities and unit prices may carry many decimals.</summary>
internal sealed record InvoiceLine(
    string? Name,
    string? Spec,
    string? Unit,
    decimal? Quantity,
    decimal? UnitPrice,
    decimal Amount,
    TaxRate TaxRate,
    decimal Tax);
