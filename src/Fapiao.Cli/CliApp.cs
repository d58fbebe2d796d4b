using System.CommandLine;
using Fapiao.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace Fapiao.Cli;

/// <summary>The <c>fapiao</c> command: wiring only; every capability is a use case in the core.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("fapiao — the invoice ledger that never loses an invoice, and can prove it");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Database);
        root.Options.Add(GlobalOptions.ReadDatabase);
        root.Options.Add(GlobalOptions.Tenant);
        root.Options.Add(GlobalOptions.Json);
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(ReceiptCommand.Create());
        root.Subcommands.Add(CheckpointCommand.Create());
        root.Subcommands.Add(ConsistencyCommand.Create());
        root.Subcommands.Add(KeyCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(VerifyReceiptCommand.Create());
        root.Subcommands.Add(RebuildCommand.Create());
        root.Subcommands.Add(QuarantineCommand.Create());
        root.Subcommands.Add(OriginalCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(CopyCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TenantCommand.Create());
        root.Subcommands.Add(ApiKeyCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = Build();
        var parse = root.Parse(args);
        var error = stderr ?? Console.Error;
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync("fapiao: " + e.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'fapiao --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("fapiao: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (Exception ex) when (IsDiskFull(ex))
        {
            await error.WriteLineAsync(DiskFull(ex)).ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
        catch (Exception ex) when (ex is SqliteException or Npgsql.NpgsqlException)
        {
            await error.WriteLineAsync($"fapiao: the ledger database failed: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("fapiao: cancelled").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"fapiao: unexpected failure: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>SQLite's "database or disk is full".</summary>
    private const int SqliteFull = 13;

    /// <summary>ENOSPC, which .NET on Linux gives as the <see cref="Exception.HResult"/> of an <see cref="IOException"/>.</summary>
    private const int NoSpaceLeft = 28;

    /// <summary>True when the database or a file (a kept original) could not be written because the disk is full.</summary>
    internal static bool IsDiskFull(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: SqliteFull } || (ex is IOException && ex.HResult == NoSpaceLeft);

    /// <summary>
    /// What the user reads when the disk is full: what was reported is durable, the batch being
    /// written was not, and running the same command again records the rest (what is already in
    /// the ledger comes back as a duplicate).
    /// </summary>
    internal static string DiskFull(Exception ex) =>
        $"fapiao: the disk is full ({ex.Message.TrimEnd('.')}). Every item already reported (--results) is durable; the batch being written was not written. Free space and run the same command again: items already in the ledger come back as duplicates.";
}
