using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao copy --from DB --to DB</c>: moves a whole ledger, every tenant, between stores (a
/// SQLite file or a PostgreSQL database, either way). Roots and signed checkpoints arrive
/// identical; run it again after an interruption and it continues from the last checkpoint copied.
/// </summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The source ledger: a SQLite file, postgres://… or a connection string", Required = true };
        var to = new Option<string>("--to") { Description = "The target ledger (created if missing)", Required = true };
        var command = new Command("copy", "Copy a whole ledger between SQLite and PostgreSQL (identical roots and checkpoints, resumable)") { from, to };
        command.SetAction(async (parse, ct) =>
        {
            var source = LedgerDatabase.Parse(parse.GetValue(from), parse.GetValue(GlobalOptions.Data)!);
            var target = LedgerDatabase.Parse(parse.GetValue(to), parse.GetValue(GlobalOptions.Data)!);
            if (!source.IsPostgres && !File.Exists(source.SqlitePath))
            {
                throw new CliException(ExitCodes.Usage, $"--from: there is no ledger file {source}.");
            }

            await using var sourceStore = source.Open();
            await using var targetStore = target.Open();
            await sourceStore.InitializeAsync(ct).ConfigureAwait(false);
            await targetStore.InitializeAsync(ct).ConfigureAwait(false);
            var copier = new LedgerCopier(sourceStore, targetStore, TimeProvider.System);
            if (Human.IsTerminal && !parse.GetValue(GlobalOptions.Json))
            {
                copier.Progress += (tenant, done, total) => Console.Error.Write($"\r{tenant}: {done}/{total} events");
            }

            var reports = await copier.CopyAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("from", source.ToString());
                    w.WriteString("to", target.ToString());
                    w.WriteStartArray("tenants");
                    foreach (var r in reports)
                    {
                        w.WriteStartObject();
                        w.WriteString("tenant", r.Tenant);
                        w.WriteNumber("resumedAt", r.ResumedAt);
                        w.WriteNumber("events", r.Events);
                        w.WriteNumber("invoices", r.Invoices);
                        w.WriteNumber("quarantined", r.Quarantined);
                        w.WriteNumber("users", r.Users);
                        w.WriteNumber("apiKeys", r.ApiKeys);
                        w.WriteNumber("reconciliations", r.Reconciliations);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var r in reports)
                {
                    Human.Line($"{r.Tenant}: {r.Events} events ({(r.ResumedAt > 0 ? $"resumed at {r.ResumedAt}" : "from the start")}), {r.Invoices} invoices, {r.Quarantined} quarantined items, {r.Users} users, {r.ApiKeys} API keys and {r.Reconciliations} reconciliation runs added to {target}.", "green");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
