namespace Fapiao.Ledger.Events;

/// <summary>The kinds of events in a tenant's log. Names are part of the signed bytes: never rename one.</summary>
internal static class EventKinds
{
    public const string Recorded = "recorded";
    public const string Enriched = "enriched";
    public const string Reversed = "reversed";
    public const string Voided = "voided";
    public const string QuarantineResolved = "quarantineResolved";
    public const string TenantCreated = "tenantCreated";
}
