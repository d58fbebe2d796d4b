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
}

/// <summary>The first difference: what (event, invoice, checkpoint, node, head, store), where, and how.</summary>
internal sealed record VerifyFailure(string Subject, long? Index, string? Key, string Message);
