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
}

/// <summary>The first difference: what (event, invoice, checkpoint, node, head, store), where, and how.</summary>
internal sealed record VerifyFailure(string Subject, long? Index, string? Key, string Message);
