namespace Fapiao.Sqlite.Tests.Specification;

public sealed class SqliteLedgerStoreSpecification : LedgerStoreSpecification<SqliteStoreProvider>;
