namespace Fapiao.Domain;

/// <summary>A seller or buyer. A private buyer may have a name ("个人") and no tax ID.</summary>
internal sealed record Party(string? TaxId, string? Name)
{
    public bool IsEmpty => TaxId is null && Name is null;
}
