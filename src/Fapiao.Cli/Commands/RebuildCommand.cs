using System.CommandLine;
using Fapiao.Cli.Output;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao rebuild</c>: recompute every invoice's projection from the log and put it in place of
/// the stored one — the repair when verify finds a projection that differs from its events. The
/// log itself is never touched; verify runs afterwards.
/// </summary>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild", "Recompute the invoice projection from the log (repairs a damaged projection; the log is untouched)");
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var count = await context.Ledger.RebuildProjectionAsync(context.Tenant, ct).ConfigureAwait(false);
            var report = await context.Ledger.VerifyAsync(context.Tenant, ct).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("invoices", count);
                    w.WriteBoolean("verified", report.Ok);
                    w.WriteString("failure", report.Failure?.Message);
                    w.WriteEndObject();
                });
            }
            else
            {
                Human.Line($"rebuilt {count} invoices from the log; verify {(report.Ok ? "passes" : "FAILS: " + report.Failure!.Message)}", report.Ok ? "green" : "red");
            }

            return report.Ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }
}
