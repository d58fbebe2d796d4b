using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Formats;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Formats.Xlsx;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Originals;
using Spectre.Console;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao ingest FILE...</c>: every item of every file gets an outcome (accepted, duplicate,
/// enriched, conflict, rejected); nothing is dropped. Exit 3 when any item was rejected or in
/// conflict, the rest having been processed.
/// </summary>
internal static class IngestCommand
{
    private static readonly Argument<string[]> Files = new("FILE") { Description = "Files to ingest ('-' reads standard input)", Arity = ArgumentArity.OneOrMore };

    private static readonly Option<string> Format = CreateFormatOption();

    /// <summary>The readers that need packages the core must not reference.</summary>
    internal static readonly Dictionary<InputFormat, IInputRowReader> RowReaders = new() { [InputFormat.Xlsx] = new XlsxExportReader() };

    private static readonly Option<string?> Results = new("--results") { Description = "Write one JSON line per input item, each once it is durable" };

    /// <summary>The --format option of every command that reads invoice files.</summary>
    internal static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "auto (detect from the content), json, jsonl, qr, xml (one invoice XML file), ofd (one OFD file), csv or xlsx (a tax-platform export), pdf (an e-invoice) or image (a PNG or JPEG of its QR code)",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "json", "jsonl", "qr", "xml", "ofd", "csv", "xlsx", "pdf", "image");
        return option;
    }

    internal static InputFormat ToFormat(string? name) => name switch
    {
        "json" => InputFormat.Json,
        "jsonl" => InputFormat.JsonLines,
        "qr" => InputFormat.Qr,
        "xml" => InputFormat.Xml,
        "ofd" => InputFormat.Ofd,
        "csv" => InputFormat.Csv,
        "xlsx" => InputFormat.Xlsx,
        "pdf" => InputFormat.Pdf,
        "image" => InputFormat.Image,
        _ => InputFormat.Auto,
    };

    public static Command Create()
    {
        var command = new Command("ingest", "Validate and record invoices; bad items go to quarantine with every reason");
        command.Arguments.Add(Files);
        command.Options.Add(Format);
        command.Options.Add(Results);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var files = parse.GetValue(Files)!;
        foreach (var file in files.Where(f => f != "-" && !File.Exists(f)))
        {
            throw new CliException(ExitCodes.Usage, $"No such file: {file}");
        }

        var format = ToFormat(parse.GetValue(Format));
        var resultsPath = parse.GetValue(Results);

        await using var context = await CliContext.OpenAsync(parse, ct, writes: true).ConfigureAwait(false);
        var reader = new SubmissionReader(context.Ledger.Validator, RowReaders, FileReaders.All);
        var runner = new IngestRunner(context.Ledger);
        await using var results = resultsPath is null ? null : new ResultsWriter(resultsPath);
        var rejected = new List<IngestResult>();
        long done = 0;
        Action<long>? progress = null;

        async ValueTask OnDurable(IReadOnlyList<IngestResult> chunk, CancellationToken token)
        {
            if (results is not null)
            {
                await results.WriteAsync(chunk, token).ConfigureAwait(false);
            }

            rejected.AddRange(chunk.Where(r => r.Outcome is IngestOutcome.Rejected or IngestOutcome.Conflict).Take(20 - rejected.Count));
            done += chunk.Count;
            progress?.Invoke(done);
        }

        var originals = OriginalStore.In(context.DataDir, context.Tenant);
        var submissions = files.SelectMany(file => ReadFile(reader, originals, file, format));
        IngestSummary summary;
        if (Human.IsTerminal && !context.Json)
        {
            summary = null!;
            await AnsiConsole.Progress().StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("ingesting").IsIndeterminate();
                progress = n => task.Description = $"ingested {n:N0} items";
                summary = await runner.RunAsync(context.Tenant, CliContext.Actor, submissions, results is not null, OnDurable, ct).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);
        }
        else
        {
            summary = await runner.RunAsync(context.Tenant, CliContext.Actor, submissions, results is not null, OnDurable, ct).ConfigureAwait(false);
        }

        Report(context.Json, summary, rejected);
        return summary.AllKept ? ExitCodes.Ok : ExitCodes.SomeRejected;
    }

    /// <summary>The file is kept in the data folder's originals first; its items are read from the kept copy.</summary>
    internal static IEnumerable<Submission> ReadFile(SubmissionReader reader, OriginalStore originals, string file, InputFormat format)
    {
        using var stream = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
        foreach (var submission in reader.ReadKept(stream, file == "-" ? "stdin" : file, format, originals))
        {
            yield return submission;
        }
    }

    private static void Report(bool json, IngestSummary s, List<IngestResult> rejected)
    {
        if (json)
        {
            JsonOut.Write(w =>
            {
                w.WriteStartObject();
                LedgerJson.WriteSummaryFields(w, s);
                w.WriteEndObject();
            });
            return;
        }

        Human.Line($"accepted {s.Accepted}, duplicates {s.Duplicates}, enriched {s.Enriched}, conflicts {s.Conflicts}, rejected {s.Rejected}, with warnings {s.Warnings}",
            s.AllKept ? "green" : "yellow");
        foreach (var r in rejected)
        {
            var first = r.Problems.FirstOrDefault(p => p.IsError);
            Human.Line($"  {r.Outcome.ToText()} {r.Source} (quarantine #{r.QuarantineId}): {first?.Code} {first?.Field} — {first?.Message}");
        }

        if (s.Rejected + s.Conflicts > rejected.Count)
        {
            Human.Line($"  … and {s.Rejected + s.Conflicts - rejected.Count} more: fapiao quarantine list");
        }
    }
}
