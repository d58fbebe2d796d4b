namespace Fapiao.Tracing;

/// <summary>
/// One possible answer to "where is my invoice?": a stable <see cref="Cause"/> (one of
/// <see cref="TraceCauses"/>), what it means, the next step to take, and the evidence it rests on.
/// </summary>
internal sealed record TraceExplanation(string Cause, string Summary, string NextStep, IReadOnlyList<TraceEvidence> Evidence);

/// <summary>The causes trace names, most certain first in this order when several apply.</summary>
internal static class TraceCauses
{
    /// <summary>The invoice is in the ledger.</summary>
    public const string InLedger = "inLedger";

    /// <summary>It was submitted with another content than the ledger's: kept in quarantine as a conflict.</summary>
    public const string Conflict = "conflict";

    /// <summary>It was submitted and refused: in quarantine with the reasons.</summary>
    public const string Rejected = "rejected";

    /// <summary>A reconciliation found it in the other system's export and not in the ledger.</summary>
    public const string NotSubmitted = "notSubmitted";

    /// <summary>A reconciliation found it in the ledger and not in the other system's export.</summary>
    public const string NotInOther = "notInOther";

    /// <summary>A reconciliation found the two systems disagree on its fields.</summary>
    public const string Differs = "differs";

    /// <summary>A key one typing mistake away is in the ledger or quarantine.</summary>
    public const string Mistyped = "mistyped";

    /// <summary>An invoice with another key but the same seller, date and total is in the ledger.</summary>
    public const string SameInvoiceOtherKey = "sameSellerDateTotal";

    /// <summary>No trace anywhere: never submitted.</summary>
    public const string NoTrace = "noTrace";
}
