using Microsoft.Data.Sqlite;

namespace Fapiao.Cli.Tests;

/// <summary>The messages the command prints for failures it cannot recover from.</summary>
public sealed class CliAppTests
{
    [Fact]
    public void DatabaseFailure_DiskFull_SaysWhatIsDurableAndThatRunningAgainIsSafe()
    {
        var message = CliApp.DatabaseFailure(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));

        message.ShouldStartWith("fapiao: the disk is full");
        message.ShouldContain("database or disk is full");
        message.ShouldContain("durable");
        message.ShouldContain("run the same command again");
    }

    [Fact]
    public void DatabaseFailure_OtherError_NamesTheDatabaseError()
    {
        var message = CliApp.DatabaseFailure(new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11));

        message.ShouldBe("fapiao: the ledger database failed: SQLite Error 11: 'database disk image is malformed'.");
    }
}
