using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;
using Fapiao.Originals;
using Fapiao.Validation;
using Fapiao.Sqlite;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao quarantine list|show ID|original ID|resubmit ID FILE</c>: every refused submission,
/// verbatim, with every reason, its kept original, and how it was resolved. Items are never
/// deleted: a corrected resubmission links to the item through a <c>quarantineResolved</c> event.
/// </summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List quarantined submissions");
        list.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var items = new List<QuarantineItem>();
            await foreach (var item in context.Store.ListQuarantineAsync(context.Tenant, ct).ConfigureAwait(false))
            {
                items.Add(item with { Raw = [] });
            }

            if (context.Json)
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var item in items)
                    {
                        LedgerJson.WriteQuarantineItem(w, item, includeRaw: false);
                    }

                    w.WriteEndArray();
                });
            }
            else
            {
                Human.Table(["id", "outcome", "source", "at", "key", "codes", "original", "resolved"], items.Select(i => new[]
                {
                    i.Id.ToString(CultureInfo.InvariantCulture), i.Outcome, i.Source, Times.Format(i.At), i.Key,
                    string.Join(' ', i.Problems.Where(p => p.IsError).Select(p => p.Code).Distinct()),
                    i.Original is { } o ? $"{o.Sha256[..12]}…@{o.Place}" : "",
                    i.Resolution is { } r ? Describe(r) : "open",
                }));
            }

            return ExitCodes.Ok;
        });

        var id = new Argument<long>("ID") { Description = "The quarantine item's number" };
        var show = new Command("show", "Show one quarantined submission with its bytes and every problem") { id };
        show.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var item = await context.Store.GetQuarantineAsync(context.Tenant, parse.GetValue(id), ct).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.NotFound, $"There is no quarantine item {parse.GetValue(id)} for tenant \"{context.Tenant}\".");
            if (context.Json)
            {
                JsonOut.Write(w => LedgerJson.WriteQuarantineItem(w, item, includeRaw: true));
                return ExitCodes.Ok;
            }

            Human.Line($"#{item.Id} {item.Outcome} from {item.Source} at {Times.Format(item.At)} by {item.Actor}{(item.Key is null ? "" : " key " + item.Key)}", "bold");
            foreach (var p in item.Problems)
            {
                Human.Line($"  {(p.IsError ? "error" : "warning")} {p.Code} {p.Field}: {p.Message}", p.IsError ? "red" : "yellow");
            }

            Human.Line(item.Original is { } original ? $"original: {original.Sha256} at {original.Place} (fapiao quarantine original {item.Id})" : "original: not kept (quarantined before originals were kept)");
            Human.Line(item.Resolution is { } resolution ? "resolved: " + Describe(resolution) : "open: correct it and run fapiao quarantine resubmit " + item.Id + " FILE",
                item.Resolution is null ? "yellow" : "green");
            Human.Line($"submitted bytes ({item.RawLength}{(item.RawTruncated ? $", first {item.Raw.Length} kept" : "")}, sha256 {Convert.ToHexStringLower(item.RawSha256)}):");
            Console.WriteLine(LedgerJson.Text(item.Raw) ?? Convert.ToBase64String(item.Raw));
            return ExitCodes.Ok;
        });

        var originalId = new Argument<long>("ID") { Description = "The quarantine item's number" };
        var outOption = new Option<string?>("--out") { Description = "Write the file here instead of to standard output" };
        var original = new Command("original", "Give back the whole original file of a quarantined item, byte for byte") { originalId, outOption };
        original.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var item = await context.Store.GetQuarantineAsync(context.Tenant, parse.GetValue(originalId), ct).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.NotFound, $"There is no quarantine item {parse.GetValue(originalId)} for tenant \"{context.Tenant}\".");
            var kept = item.Original
                ?? throw new CliException(ExitCodes.NotFound, $"{ErrorCodes.OriginalMissing}: quarantine item {item.Id} was kept before originals were; fapiao quarantine show {item.Id} has its bytes.");
            return OriginalCommand.Write(OriginalStore.In(context.DataDir, context.Tenant), kept.Sha256, parse.GetValue(outOption));
        });

        var command = new Command("quarantine", "Refused submissions, kept with every reason");
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(original);
        command.Subcommands.Add(QuarantineResubmitCommand.Create());
        return command;
    }

    public static string Describe(QuarantineResolution r) => $"by event {r.EventIndex} (quarantineResolved) for {r.Key} at {Times.Format(r.At)}";
}
