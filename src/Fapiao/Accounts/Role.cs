namespace Fapiao.Accounts;

/// <summary>What an API key or a user may do within its tenant (operator: across tenants).</summary>
public enum Role
{
    /// <summary>Reads invoices, receipts, the checkpoint and the public key.</summary>
    Viewer,

    /// <summary>A viewer who also submits invoices and files and sees the quarantine.</summary>
    Clerk,

    /// <summary>A viewer who also reviews the quarantine.</summary>
    Reviewer,

    /// <summary>Everything of the tenant, its users and keys included.</summary>
    Admin,

    /// <summary>Reads everything of one tenant, proofs and quarantine included; changes nothing.</summary>
    Auditor,

    /// <summary>The platform's role: everything, in any tenant.</summary>
    Operator,
}

/// <summary>The single things a role allows.</summary>
[Flags]
public enum Permission
{
    None = 0,
    Read = 1,
    Submit = 2,
    ReadQuarantine = 4,
    ReadProofs = 8,
    ManageAccounts = 16,
    AnyTenant = 32,

    /// <summary>Runs reconciliations against the tenant's ledger (a run is kept) and reads the runs kept.</summary>
    Reconcile = 64,

    /// <summary>Traces a key: reads the log, quarantine and reconciliation runs for it.</summary>
    Trace = 128,
}

public static class Roles
{
    public static IReadOnlyList<string> Names { get; } = ["viewer", "clerk", "reviewer", "admin", "auditor", "operator"];

    public static string ToText(this Role role) => Names[(int)role];

    public static bool TryParse(string? text, out Role role)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text);
        role = index < 0 ? default : (Role)index;
        return index >= 0;
    }

    public static Permission Permissions(this Role role) => role switch
    {
        Role.Viewer => Permission.Read,
        Role.Clerk => Permission.Read | Permission.Submit | Permission.ReadQuarantine | Permission.Trace,
        Role.Reviewer => Permission.Read | Permission.ReadQuarantine | Permission.Reconcile | Permission.Trace,
        Role.Admin => Permission.Read | Permission.Submit | Permission.ReadQuarantine | Permission.ReadProofs | Permission.ManageAccounts | Permission.Reconcile | Permission.Trace,
        Role.Auditor => Permission.Read | Permission.ReadQuarantine | Permission.ReadProofs | Permission.Reconcile | Permission.Trace,
        Role.Operator => Permission.Read | Permission.Submit | Permission.ReadQuarantine | Permission.ReadProofs | Permission.ManageAccounts | Permission.AnyTenant | Permission.Reconcile | Permission.Trace,
        _ => Permission.None,
    };

    public static bool Allows(this Role role, Permission permission) => (role.Permissions() & permission) == permission;
}
