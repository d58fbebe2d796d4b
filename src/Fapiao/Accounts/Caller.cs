namespace Fapiao.Accounts;

/// <summary>
/// Who makes a request: the tenant it acts in, its role there, and the actor recorded on what it
/// writes ("apikey:ID" or "user:NAME"). Every use case takes one; none takes a bare tenant name
/// from a request, so a request can reach no other tenant's data.
/// </summary>
public sealed record Caller(string Tenant, Role Role, string Actor)
{
    public bool Can(Permission permission) => Role.Allows(permission);

    /// <summary>The same caller acting in <paramref name="tenant"/>: allowed for an operator only.</summary>
    public Caller InTenant(string tenant) =>
        tenant == Tenant ? this
        : Can(Permission.AnyTenant) ? this with { Tenant = tenant }
        : throw new AccessDeniedException(Permission.AnyTenant);
}

/// <summary>The caller's role does not allow this (within its own tenant: another tenant's data is "not found", never this).</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public AccessDeniedException(Permission needed)
        : base($"This role may not do that (it needs the permission {needed}).")
    {
        Needed = needed;
    }

    public Permission Needed { get; }
}
