namespace Fapiao.Tracing;

/// <summary>What the asker knows: the key as they have it, and optionally the issue date, seller tax ID and total (to find the same invoice under another key).</summary>
internal sealed record TraceQuery(string Key, DateOnly? Date = null, string? SellerTaxId = null, decimal? Total = null);
