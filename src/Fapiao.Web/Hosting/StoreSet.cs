using Fapiao.Accounts;
using Fapiao.Idempotency;
using Fapiao.Storage;

namespace Fapiao.Web.Hosting;

/// <summary>The ports the service needs, all of one database (both stores implement all three). Disposing closes the database.</summary>
internal sealed record StoreSet(ILedgerStore Ledger, IAccountStore Accounts, IIdempotencyStore Idempotency) : IAsyncDisposable
{
    public static StoreSet Of<TStore>(TStore store)
        where TStore : ILedgerStore, IAccountStore, IIdempotencyStore => new(store, store, store);

    public ValueTask DisposeAsync() => Ledger.DisposeAsync();
}
