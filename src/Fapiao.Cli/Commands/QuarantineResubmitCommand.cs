using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Formats;
using Fapiao.Formats.Json;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Originals;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao quarantine resubmit ID FILE</c>: ingests a corrected version of a quarantined item
/// (FILE holds exactly that one item, in any format ingest reads; it is kept as an original like
/// any input). When the ledger takes it (accepted, enriched, or already there) a
/// <c>quarantineResolved</c> event links it to the item, in the same commit; when the ledger
/// refuses it, the item stays open and the new problems are shown (the refused resubmission is
/// itself quarantined under a new number). Exit 3 then.
/// </summary>
internal static class QuarantineResubmitCommand
{
    private static readonly Argument<long> Id = new("ID") { Description = "The quarantine item's number" };

    private static readonly Argument<string> File = new("FILE") { Description = "The corrected item, one invoice ('-' reads standard input)" };

    private static readonly Option<string> Format = IngestCommand.CreateFormatOption();

    public static Command Create()
    {
        var command = new Command("resubmit", "Ingest a corrected version of a quarantined item and link it to the item");
        command.Arguments.Add(Id);
        command.Arguments.Add(File);
        command.Options.Add(Format);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var id = parse.GetValue(Id);
        var file = parse.GetValue(File)!;
        if (file != "-" && !System.IO.File.Exists(file))
        {
            throw new CliException(ExitCodes.Usage, $"No such file: {file}");
        }

        await using var context = await CliContext.OpenAsync(parse, ct, writes: true).ConfigureAwait(false);
        var item = await context.Store.GetQuarantineAsync(context.Tenant, id, ct).ConfigureAwait(false)
            ?? throw new CliException(ExitCodes.NotFound, $"There is no quarantine item {id} for tenant \"{context.Tenant}\".");
        if (item.Resolution is { } done)
        {
            throw new CliException(ExitCodes.Usage, $"Quarantine item {id} is resolved already, {QuarantineCommand.Describe(done)}.");
        }

        var reader = new SubmissionReader(context.Ledger.Validator, IngestCommand.RowReaders, FileReaders.All);
        var originals = OriginalStore.In(context.DataDir, context.Tenant);
        var submissions = IngestCommand.ReadFile(reader, originals, file, IngestCommand.ToFormat(parse.GetValue(Format))).Take(2).ToList();
        if (submissions.Count != 1)
        {
            throw new CliException(ExitCodes.Usage, $"{file} holds {(submissions.Count == 0 ? "no item" : "more than one item")}; a resubmission is the one corrected item. Nothing was written.");
        }

        var result = (await context.Ledger.IngestAsync(context.Tenant, [new WriteItem(submissions[0], CliContext.Actor, Resolves: id)], wantReceipts: false, ct).ConfigureAwait(false))[0];
        var after = await context.Store.GetQuarantineAsync(context.Tenant, id, ct).ConfigureAwait(false);
        Report(context.Json, id, result, after?.Resolution);
        return after?.Resolution is null ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static void Report(bool json, long id, IngestResult result, QuarantineResolution? resolution)
    {
        if (json)
        {
            JsonOut.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("quarantineId", id);
                w.WriteString("outcome", result.Outcome.ToText());
                w.WriteString("key", result.Key);
                LedgerJson.WriteResolution(w, resolution);
                if (result.QuarantineId is { } newId)
                {
                    w.WriteNumber("newQuarantineId", newId);
                }

                w.WritePropertyName("errors");
                ProblemsJson.WriteArray(w, result.Problems);
                w.WriteEndObject();
            });
            return;
        }

        if (resolution is not null)
        {
            Human.Line($"quarantine #{id} resolved: the resubmission was {result.Outcome.ToText()}, {QuarantineCommand.Describe(resolution)}", "green");
        }
        else
        {
            Human.Line($"quarantine #{id} stays open: the resubmission was {result.Outcome.ToText()}{(result.QuarantineId is { } newId ? $" (kept as quarantine #{newId})" : "")}", "yellow");
        }

        foreach (var p in result.Problems)
        {
            Human.Line($"  {(p.IsError ? "error" : "warning")} {p.Code} {p.Field}: {p.Message}", p.IsError ? "red" : "yellow");
        }
    }
}
