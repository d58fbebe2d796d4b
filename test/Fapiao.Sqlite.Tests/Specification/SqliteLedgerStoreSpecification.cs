using Fapiao.Storage.Specification;

namespace Fapiao.Sqlite.Tests.Specification;

public sealed class SqliteLedgerStoreSpecification : LedgerStoreSpecification<SqliteStoreProvider>;
