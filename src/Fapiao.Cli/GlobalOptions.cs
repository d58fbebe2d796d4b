using System.CommandLine;

namespace Fapiao.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Data = new("--data")
    {
        Description = "The data folder (default ./fapiao-data, or $FAPIAO_DATA)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("FAPIAO_DATA") is { Length: > 0 } env ? env : "./fapiao-data",
    };

    public static readonly Option<string?> Database = new("--db")
    {
        Description = "The ledger database: postgres://user@host:port/db, a PostgreSQL key=value connection string, or a SQLite file (default: ledger.db in the data folder, or $FAPIAO_DB). The signing key stays in the data folder.",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("FAPIAO_DB") is { Length: > 0 } env ? env : null,
    };

    public static readonly Option<string?> ReadDatabase = new("--read-db")
    {
        Description = "A read replica (streaming standby) of --db for the commands that only read: show, list, receipt, checkpoint, consistency, verify, export, quarantine (default: $FAPIAO_READ_DB). Writes always go to --db.",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("FAPIAO_READ_DB") is { Length: > 0 } env ? env : null,
    };

    public static readonly Option<string> Tenant = new("--tenant")
    {
        Description = "The tenant (default: default)",
        Recursive = true,
        DefaultValueFactory = _ => "default",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON",
        Recursive = true,
    };
}
