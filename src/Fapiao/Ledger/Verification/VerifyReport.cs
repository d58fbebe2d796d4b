namespace Fapiao.Ledger.Verification;

/// <summary>What verify found: counts, and the first place where anything differs (null when all holds).</summary>
internal sealed record VerifyReport(
    string Tenant,
    long Events,
    long Invoices,
    int Checkpoints,
    VerifyFailure? Failure)
{
    public bool Ok => Failure is null;

    /// <summary>
    /// The SHA-256 of every kept original file an event names (filled when the log verified): the
    /// files live beside the store, in the data folder, so the caller that knows it checks them.
    /// </summary>
    public IReadOnlyCollection<string> Originals { get; init; } = [];

    /// <summary>Equal when every count, the failure and the set of originals are (the set by content, in any order).</summary>
    public bool Equals(VerifyReport? other) =>
        other is not null
        && (Tenant, Events, Invoices, Checkpoints, Failure) == (other.Tenant, other.Events, other.Invoices, other.Checkpoints, other.Failure)
        && Originals.Count == other.Originals.Count
        && Originals.ToHashSet(StringComparer.Ordinal).SetEquals(other.Originals);

    public override int GetHashCode() => HashCode.Combine(Tenant, Events, Invoices, Checkpoints, Failure, Originals.Count);
}

/// <summary>The first difference: what (event, invoice, checkpoint, node, head, store), where, and how.</summary>
internal sealed record VerifyFailure(string Subject, long? Index, string? Key, string Message);
