using System.CommandLine;
using Fapiao.PostgreSql;
using Fapiao.Sqlite;
using Fapiao.Storage;
using Fapiao.Web.Hosting;

namespace Fapiao.Cli;

/// <summary>
/// Where the ledger's database is: --db (or $FAPIAO_DB) names a PostgreSQL database by URL or
/// connection string, or a SQLite file; without it, ledger.db in the data folder.
/// </summary>
internal sealed record LedgerDatabase(string? PostgresConnectionString, string? SqlitePath)
{
    public bool IsPostgres => PostgresConnectionString is not null;

    public static LedgerDatabase From(ParseResult parse) =>
        Parse(parse.GetValue(GlobalOptions.Database), parse.GetValue(GlobalOptions.Data)!);

    public static LedgerDatabase Parse(string? db, string dataDir)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            return new LedgerDatabase(null, Path.Combine(dataDir, CliContext.DatabaseName));
        }

        if (!PostgreSqlConnectionString.IsPostgres(db))
        {
            return new LedgerDatabase(null, db);
        }

        try
        {
            return new LedgerDatabase(PostgreSqlConnectionString.Parse(db), null);
        }
        catch (FormatException ex)
        {
            throw new CliException(ExitCodes.Usage, "--db: " + ex.Message);
        }
    }

    public ILedgerStore Open() => OpenStores().Ledger;

    /// <summary>The ledger, accounts and idempotency ports of the one database (for the service and the account commands).</summary>
    public StoreSet OpenStores() =>
        PostgresConnectionString is { } cs ? StoreSet.Of(new PostgreSqlLedgerStore(cs)) : StoreSet.Of(new SqliteLedgerStore(SqlitePath!));

    /// <summary>For messages: never shows a password.</summary>
    public override string ToString() =>
        PostgresConnectionString is { } cs ? PostgreSqlLedgerStore.Describe(cs) : Path.GetFullPath(SqlitePath!);
}
