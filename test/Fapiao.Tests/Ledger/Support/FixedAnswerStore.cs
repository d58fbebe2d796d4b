using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>A broken store: the same answer to every read.</summary>
internal sealed class FixedAnswerStore(IReadOnlyList<byte[]> answer) : IStoredHashes
{
    public ValueTask<IReadOnlyList<byte[]>> ReadAsync(int level, long fromIndex, int count, CancellationToken ct) =>
        ValueTask.FromResult(answer);
}
