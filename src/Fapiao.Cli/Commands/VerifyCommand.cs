using System.CommandLine;
using Fapiao.Cli.Output;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao verify</c>: recompute everything from the events; exit 4 naming the first difference.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var physical = new Option<bool>("--physical") { Description = "Also run the database's own full integrity check (reads the whole file)" };
        var command = new Command("verify", "Recompute every leaf, root, signature, proof and projection from the log") { physical };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var report = await context.Ledger.VerifyAsync(context.Tenant, ct, parse.GetValue(physical)).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("ok", report.Ok);
                    w.WriteString("tenant", report.Tenant);
                    w.WriteNumber("events", report.Events);
                    w.WriteNumber("invoices", report.Invoices);
                    w.WriteNumber("checkpoints", report.Checkpoints);
                    if (report.Failure is { } f)
                    {
                        w.WriteStartObject("failure");
                        w.WriteString("subject", f.Subject);
                        if (f.Index is { } index)
                        {
                            w.WriteNumber("index", index);
                        }

                        w.WriteString("key", f.Key);
                        w.WriteString("message", f.Message);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                });
            }
            else if (report.Failure is { } f)
            {
                Human.Line($"verification FAILED for tenant {report.Tenant}: {f.Message}", "red");
            }
            else
            {
                Human.Line($"verified tenant {report.Tenant}: {report.Events} events, {report.Invoices} invoices, {report.Checkpoints} checkpoints — all consistent", "green");
            }

            return report.Ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }
}
