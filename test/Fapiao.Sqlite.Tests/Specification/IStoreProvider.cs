using Fapiao.Storage;

namespace Fapiao.Sqlite.Tests.Specification;

/// <summary>Makes fresh, empty stores of one kind for the storage specification.</summary>
public interface IStoreProvider : IAsyncDisposable
{
    internal Task<ILedgerStore> CreateAsync();

    /// <summary>Runs raw SQL against the store's database, bypassing the ledger (for tamper tests).</summary>
    internal Task ExecuteRawAsync(ILedgerStore store, string sql);
}
