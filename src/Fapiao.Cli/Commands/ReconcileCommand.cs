using System.CommandLine;
using System.Globalization;
using Fapiao.Cli.Output;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Reports;
using Fapiao.Formats.Xlsx;
using Fapiao.Ingest.Inputs;
using Fapiao.Reconciliation;
using Fapiao.Sqlite;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao reconcile --against FILE…</c>: the tenant's ledger against a platform export or
/// another ledger's export, kept as a run; <c>--left FILE --right FILE</c>: two files, nothing
/// kept; <c>reconcile history</c>: the runs and the differences still open. Exit 0 when the sides
/// agree, 3 when they differ.
/// </summary>
internal static class ReconcileCommand
{
    private static readonly Dictionary<InputFormat, IInputRowReader> RowReaders = new() { [InputFormat.Xlsx] = new XlsxExportReader() };

    public static Command Create()
    {
        var against = new Option<string[]>("--against") { Description = "Platform export(s) or fapiao export(s) to compare the ledger with (CSV, XLSX, JSON Lines; - for standard input)", AllowMultipleArgumentsPerToken = true };
        var left = new Option<string?>("--left") { Description = "Compare two files: the left one (no ledger needed, nothing kept)" };
        var right = new Option<string?>("--right") { Description = "Compare two files: the right one" };
        var period = new Option<string?>("--period") { Description = "Issue dates FROM..TO (2024-05-01..2024-05-31, or months 2024-05..2024-06)" };
        var report = new Option<string?>("--report") { Description = "Also write a report: OUT.html, OUT.xlsx or OUT.csv" };
        var runSize = new Option<int>("--run-size") { Description = "Rows sorted in memory at a time before spilling to a temporary file", DefaultValueFactory = _ => RowSorter.DefaultRunSize };
        var temp = new Option<string?>("--temp") { Description = "Folder for the sorted runs of large inputs (default: the system's temporary folder)" };
        var command = new Command("reconcile", "Find every difference between the ledger and a platform export (or between two exports)") { against, left, right, period, report, runSize, temp };
        command.Subcommands.Add(HistoryCommand());
        command.SetAction(async (parse, ct) =>
        {
            var range = ParsePeriod(parse.GetValue(period));
            var reportPath = parse.GetValue(report);
            CheckReport(reportPath);
            var size = parse.GetValue(runSize);
            if (size < 1)
            {
                throw new CliException(ExitCodes.Usage, "--run-size must be at least 1.");
            }

            var files = parse.GetValue(against) ?? [];
            var (l, r) = (parse.GetValue(left), parse.GetValue(right));
            ReconciliationResult result;
            long? runId = null;
            if (l is not null || r is not null)
            {
                if (l is null || r is null || files.Length > 0)
                {
                    throw new CliException(ExitCodes.Usage, "Give --left FILE and --right FILE together (and no --against), or --against FILE… alone.");
                }

                using var leftInputs = Open([l]);
                using var rightInputs = Open([r]);
                var service = new ReconciliationService(null, TimeProvider.System, RowReaders, size, parse.GetValue(temp));
                result = await Run(() => service.CompareFilesAsync(leftInputs.Inputs, rightInputs.Inputs, range, ct)).ConfigureAwait(false);
            }
            else
            {
                if (files.Length == 0)
                {
                    throw new CliException(ExitCodes.Usage, "Name what to compare with: --against FILE… (or --left FILE --right FILE).");
                }

                using var inputs = Open(files);
                await using var context = await CliContext.OpenAsync(parse, ct, writes: true).ConfigureAwait(false);
                var service = new ReconciliationService(context.Store, TimeProvider.System, RowReaders, size, parse.GetValue(temp));
                var (found, run) = await Run(() => service.ReconcileLedgerAsync(context.Tenant, CliContext.Actor, inputs.Inputs, range, ct)).ConfigureAwait(false);
                result = found;
                runId = run.Id;
            }

            if (reportPath is not null)
            {
                WriteReport(reportPath, result);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w => ReconciliationJson.Write(w, result, runId));
            }
            else
            {
                Print(result, runId, reportPath);
            }

            return result.Agrees ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return command;
    }

    private static Command HistoryCommand()
    {
        var command = new Command("history", "List the reconciliation runs kept, and the differences still open");
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var store = (IReconciliationStore)context.Store;
            var runs = await store.ListReconciliationsAsync(context.Tenant, ct).ToListAsync(ct).ConfigureAwait(false);
            var open = await store.ListDifferencesAsync(context.Tenant, null, openOnly: true, ct).ToListAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOut.Write(w => ReconciliationRunJson.WriteHistory(w, runs, open));
                return ExitCodes.Ok;
            }

            Human.Table(["run", "at", "against", "period", "matched", "missing in ledger", "missing in other", "mismatched", "duplicates", "opened", "closed"],
                runs.Select(run => new[]
                {
                    N(run.Id), Times.Format(run.At), run.RightName, run.PeriodFrom is { } f && run.PeriodTo is { } t ? new DatePeriod(f, t).ToString() : "",
                    N(run.Matched), N(run.MissingInLedger), N(run.MissingInOther), N(run.Mismatched), N(run.Duplicates), N(run.Opened), N(run.Closed),
                }));
            Human.Line($"{open.Count} difference(s) open");
            Human.Table(["key", "class", "since run", "detail"], open.Select(d => new[] { d.Key, d.Class, N(d.OpenedRun), d.Detail }));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<T> Run<T>(Func<Task<T>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ReconciliationException ex)
        {
            throw new CliException(ExitCodes.Usage, $"{ex.Code}: {ex.Message}");
        }
    }

    private static DatePeriod? ParsePeriod(string? text) =>
        text is null ? null
        : DatePeriod.TryParse(text, out var period) ? period
        : throw new CliException(ExitCodes.Usage, $"{Fapiao.Validation.ErrorCodes.ReconcilePeriod}: \"{text}\" is not a period: use FROM..TO with days (2024-05-01..2024-05-31) or months (2024-05..2024-06).");

    private static void CheckReport(string? path)
    {
        if (path is not null && ReportKind(path) is null)
        {
            throw new CliException(ExitCodes.Usage, $"--report {path}: the report's name must end in .html, .xlsx or .csv.");
        }
    }

    private static string? ReportKind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "html",
        ".xlsx" => "xlsx",
        ".csv" => "csv",
        _ => null,
    };

    private static void WriteReport(string path, ReconciliationResult result)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        switch (ReportKind(path))
        {
            case "html": ReconciliationHtml.Write(stream, result, TimeProvider.System.GetUtcNow()); break;
            case "xlsx": ReconciliationXlsx.Write(stream, result); break;
            default: ReconciliationCsv.Write(stream, result); break;
        }
    }

    private static OpenInputs Open(string[] paths)
    {
        var opened = new OpenInputs();
        try
        {
            foreach (var path in paths)
            {
                if (path == "-")
                {
                    opened.Add(new ReconInput("stdin", Console.OpenStandardInput()));
                    continue;
                }

                if (!File.Exists(path))
                {
                    throw new CliException(ExitCodes.Usage, $"{path}: no such file.");
                }

                opened.Add(new ReconInput(Path.GetFileName(path), new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)));
            }

            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    private static void Print(ReconciliationResult r, long? runId, string? reportPath)
    {
        const int Shown = 20;
        Human.Line($"left  {r.Left.Name}: {N(r.Left.Count)} rows" + (r.Left.Unreadable > 0 ? $", {N(r.Left.Unreadable)} unreadable" : ""));
        Human.Line($"right {r.Right.Name}: {N(r.Right.Count)} rows" + (r.Right.Unreadable > 0 ? $", {N(r.Right.Unreadable)} unreadable" : ""));
        Human.Line($"matched {N(r.Matched)}  missing in ledger {N(r.MissingInLedger.Count)}  missing in other {N(r.MissingInOther.Count)}  mismatched {N(r.Mismatched.Count)}  duplicates {N(r.Duplicates.Count)}  suggestions {N(r.Suggestions.Count)}",
            r.Agrees ? "green" : "bold");
        foreach (var (name, _, header, rows) in ReportRows.Tables(r))
        {
            var list = rows.Take(Shown + 1).ToList();
            if (list.Count == 0)
            {
                continue;
            }

            Human.Line(name, "bold");
            Human.Table(header, list.Take(Shown));
            if (list.Count > Shown)
            {
                Human.Line($"… more: see --json or --report");
            }
        }

        if (runId is { } id)
        {
            Human.Line($"kept as run {id}: fapiao reconcile history");
        }

        if (reportPath is not null)
        {
            Human.Line($"report written to {reportPath}");
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The opened files of one side, closed together.</summary>
    private sealed class OpenInputs : IDisposable
    {
        private readonly List<ReconInput> inputs = [];

        public IReadOnlyList<ReconInput> Inputs => inputs;

        public void Add(ReconInput input) => inputs.Add(input);

        public void Dispose() => inputs.ForEach(i => i.Content.Dispose());
    }
}
