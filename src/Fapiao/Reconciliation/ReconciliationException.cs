namespace Fapiao.Reconciliation;

/// <summary>An input reconciliation cannot read at all (not an export): a stable code and a message.</summary>
internal sealed class ReconciliationException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
