using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Fapiao.Cli.Output;
using Fapiao.Domain;
using Fapiao.Sqlite;
using Fapiao.Tracing;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao trace KEY</c>: "where is my invoice?" — every explanation the evidence supports, the
/// most likely first, each with its next step and what it cites. The key is taken as the asker
/// typed it (a mistyped key is exactly what trace is for), within a key's characters and length.
/// </summary>
internal static partial class TraceCommand
{
    [GeneratedRegex("^[0-9A-Za-z-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyText();

    public static Command Create()
    {
        var key = KeyArgument.Create();
        var date = new Option<string?>("--date") { Description = "The issue date on the invoice (YYYY-MM-DD): finds the same invoice under another key, with --seller or --total" };
        var seller = new Option<string?>("--seller") { Description = "The seller's tax ID on the invoice" };
        var total = new Option<string?>("--total") { Description = "The total (价税合计) on the invoice" };
        var command = new Command("trace", "Where is my invoice? Explain from the evidence why a key is or is not in the ledger") { date, seller, total };
        command.Arguments.Add(key);
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(key)!;
            if (!KeyText().IsMatch(text))
            {
                throw new CliException(ExitCodes.Usage, $"\"{text}\" is not an invoice key: use the 20-digit number of a 数电 invoice, or CODE-NUMBER for a legacy one.");
            }

            DateOnly? day = parse.GetValue(date) is { } d
                ? DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : throw new CliException(ExitCodes.Usage, $"--date {d}: use YYYY-MM-DD.")
                : null;
            decimal? money = parse.GetValue(total) is { } t
                ? Amounts.TryParseMoney(t, out var value) ? value : throw new CliException(ExitCodes.Usage, $"--total {t}: not an amount.")
                : null;
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var answer = await new TraceService(context.Store).TraceAsync(context.Tenant, new TraceQuery(text, day, parse.GetValue(seller), money), ct).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOut.Write(w => TraceJson.Write(w, answer));
            }
            else
            {
                Print(answer);
            }

            return answer.Found ? ExitCodes.Ok : ExitCodes.NotFound;
        });
        return command;
    }

    private static void Print(TraceAnswer answer)
    {
        var first = true;
        foreach (var e in answer.Explanations)
        {
            Human.Line((first ? "most likely: " : "also: ") + e.Summary, first ? "bold" : null);
            Human.Line("  next: " + e.NextStep);
            foreach (var x in e.Evidence)
            {
                Human.Line($"  evidence: {x.Cite}{(x.Source is null ? "" : " from " + x.Source)}{(x.At is { } at ? " at " + Times.Format(at) : "")}: {x.Detail}");
                if (x.Original is not null)
                {
                    Human.Line($"    original: {x.Original}");
                }
            }

            first = false;
        }
    }
}
