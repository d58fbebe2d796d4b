using Fapiao.Storage;

namespace Fapiao.Storage.Specification;

/// <summary>Makes fresh, empty stores of one kind for the storage specification.</summary>
public interface IStoreProvider : IAsyncDisposable
{
    /// <summary>A new, initialised store on an empty database of its own.</summary>
    internal Task<ILedgerStore> CreateAsync();

    /// <summary>A second store on the same database as <paramref name="store"/>, initialised again (as another process would).</summary>
    internal Task<ILedgerStore> ReopenAsync(ILedgerStore store);

    /// <summary>Runs raw SQL against the store's database, bypassing the ledger (for tamper tests).</summary>
    internal Task ExecuteRawAsync(ILedgerStore store, string sql);
}
