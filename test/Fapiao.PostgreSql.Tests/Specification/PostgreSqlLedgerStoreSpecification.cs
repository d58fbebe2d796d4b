using Fapiao.Storage.Specification;

namespace Fapiao.PostgreSql.Tests.Specification;

public sealed class PostgreSqlLedgerStoreSpecification : LedgerStoreSpecification<PostgreSqlStoreProvider>;
