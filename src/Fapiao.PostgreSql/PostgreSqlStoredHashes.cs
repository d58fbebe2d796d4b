using Fapiao.Ledger;

namespace Fapiao.PostgreSql;

/// <summary>The stored levels of one tenant's tree, for proofs.</summary>
internal sealed class PostgreSqlStoredHashes(PostgreSqlLedgerStore store, string tenant) : IStoredHashes
{
    public async ValueTask<IReadOnlyList<byte[]>> ReadAsync(int level, long fromIndex, int count, CancellationToken ct) =>
        await store.ReadHashesAsync(tenant, level, fromIndex, count, ct).ConfigureAwait(false);
}
