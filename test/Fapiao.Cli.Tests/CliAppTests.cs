using Microsoft.Data.Sqlite;

namespace Fapiao.Cli.Tests;

/// <summary>The messages the command prints for failures it cannot recover from.</summary>
public sealed class CliAppTests
{
    [Fact]
    public void IsDiskFull_SqliteFullOrNoSpaceLeft_True()
    {
        CliApp.IsDiskFull(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)).ShouldBeTrue();
        CliApp.IsDiskFull(new IOException("No space left on device : '/data/originals/x.part'", 28)).ShouldBeTrue();
    }

    [Fact]
    public void IsDiskFull_OtherFailures_False()
    {
        CliApp.IsDiskFull(new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11)).ShouldBeFalse();
        CliApp.IsDiskFull(new IOException("Permission denied", 13)).ShouldBeFalse();
        CliApp.IsDiskFull(new InvalidOperationException("x")).ShouldBeFalse();
    }

    [Fact]
    public void DiskFull_SaysWhatIsDurableAndThatRunningAgainIsSafe()
    {
        var message = CliApp.DiskFull(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));

        message.ShouldStartWith("fapiao: the disk is full (SQLite Error 13: 'database or disk is full'). ");
        message.ShouldContain("durable");
        message.ShouldContain("run the same command again");
    }
}
