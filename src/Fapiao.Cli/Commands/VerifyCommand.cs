using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Ledger.Verification;
using Fapiao.Originals;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao verify</c>: recompute everything from the events, then check that every kept original
/// an event names is in the data folder (with <c>--originals</c>: that its bytes still hash to its
/// name); exit 4 naming the first difference.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var physical = new Option<bool>("--physical") { Description = "Also run the database's own full integrity check (reads the whole file)" };
        var originals = new Option<bool>("--originals") { Description = "Also hash every kept original file the events name (reads them all); without it, their presence is checked" };
        var command = new Command("verify", "Recompute every leaf, root, signature, proof and projection from the log, and check the kept originals") { physical, originals };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var report = await context.Ledger.VerifyAsync(context.Tenant, ct, parse.GetValue(physical)).ConfigureAwait(false);
            report = CheckOriginals(report, OriginalStore.In(context.DataDir, context.Tenant), parse.GetValue(originals));
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
                    w.WriteNumber("originals", report.Originals.Count);
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
                Human.Line($"verified tenant {report.Tenant}: {report.Events} events, {report.Invoices} invoices, {report.Checkpoints} checkpoints, {report.Originals.Count} kept originals — all consistent", "green");
            }

            return report.Ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }

    /// <summary>The first original an event names that is missing (or, hashing, damaged) fails the report; the rest is left as it was.</summary>
    private static VerifyReport CheckOriginals(VerifyReport report, OriginalStore store, bool hash)
    {
        if (!report.Ok)
        {
            return report;
        }

        foreach (var sha256 in report.Originals.Order(StringComparer.Ordinal))
        {
            var state = hash ? store.Check(sha256) : File.Exists(store.PathOf(sha256)) ? OriginalState.Sound : OriginalState.Missing;
            if (state != OriginalState.Sound)
            {
                var what = state == OriginalState.Missing ? "is missing from" : "no longer hashes to its name in";
                return report with { Failure = new VerifyFailure("original", null, null, $"The kept original {sha256}, which events of the log name, {what} {store.Folder}.") };
            }
        }

        return report;
    }
}
