using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Demo;
using Fapiao.Formats.Json;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao demo</c>: the whole tour on the embedded store (init, generate, ingest, verify, a
/// receipt checked offline). <c>fapiao demo generate</c> writes realistic valid invoices as JSON Lines.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var count = new Option<long>("--count") { Description = "How many invoices", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same invoices)", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var generate = new Command("generate", "Write realistic valid invoices as JSON Lines") { count, seed, output };
        generate.SetAction(parse =>
        {
            var path = parse.GetValue(output);
            using var stream = path is null ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var invoices = new DemoInvoices(parse.GetValue(seed), Today()).Generate(parse.GetValue(count));
            DemoInvoices.WriteJsonLines(invoices, stream);
            return ExitCodes.Ok;
        });

        var runCount = new Option<long>("--count") { Description = "How many invoices to generate and ingest", DefaultValueFactory = _ => 1000 };
        var command = new Command("demo", "Try it out: create a ledger, ingest generated invoices, verify, print and check a receipt") { runCount };
        command.Subcommands.Add(generate);
        command.SetAction(async (parse, ct) => await TourAsync(parse, parse.GetValue(runCount), ct).ConfigureAwait(false));
        return command;
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static async Task<int> TourAsync(ParseResult parse, long count, CancellationToken ct)
    {
        var dataDir = parse.GetValue(GlobalOptions.Data)!;
        Human.Line($"1. init: a ledger in {Path.GetFullPath(dataDir)}", "bold");
        string[] db = parse.GetValue(GlobalOptions.Database) is { Length: > 0 } database ? ["--db", database] : [];
        if (await CliApp.RunAsync(["init", "--data", dataDir, "--tenant", parse.GetValue(GlobalOptions.Tenant)!, .. db]).ConfigureAwait(false) != ExitCodes.Ok)
        {
            return ExitCodes.Unexpected;
        }

        await using var context = await CliContext.OpenAsync(parse, ct, writes: true).ConfigureAwait(false);
        var seed = (int)(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() & 0x7FFFFFFF);
        Human.Line($"2. generate and ingest {count} invoices (seed {seed}), plus one broken item for the quarantine", "bold");
        var reader = new SubmissionReader(context.Ledger.Validator);
        var invoices = new DemoInvoices(seed, Today()).Generate(count);
        var submissions = invoices.Select((invoice, i) => reader.FromJson($"demo:{i + 1}", CanonicalInvoiceJson.ToBytes(invoice)))
            .Append(reader.FromJson($"demo:{count + 1}", """{"number":"12345","type":"99","issueDate":"2024-02-30","amount":"1.234"}"""u8.ToArray()));
        IngestResult? last = null;
        var summary = await new IngestRunner(context.Ledger).RunAsync(context.Tenant, CliContext.Actor, submissions, wantReceipts: false,
            (results, _) =>
            {
                last = results.LastOrDefault(r => r.Outcome == IngestOutcome.Accepted) ?? last;
                return ValueTask.CompletedTask;
            }, ct).ConfigureAwait(false);
        Human.Line($"   accepted {summary.Accepted}, duplicates {summary.Duplicates}, rejected {summary.Rejected} (see: fapiao quarantine list)");

        Human.Line("3. verify: every leaf, root, signature and projection recomputed from the log", "bold");
        var report = await context.Ledger.VerifyAsync(context.Tenant, ct).ConfigureAwait(false);
        Human.Line(report.Ok ? $"   ok: {report.Events} events, {report.Invoices} invoices, {report.Checkpoints} checkpoints" : "   FAILED: " + report.Failure!.Message, report.Ok ? "green" : "red");

        if (last?.Key is { } key && Domain.InvoiceKey.TryParse(key, out var invoiceKey))
        {
            Human.Line($"4. the receipt of invoice {key} (save it; check it offline with: fapiao verify-receipt FILE --key PEM)", "bold");
            var receipt = (await context.Ledger.ReceiptAsync(context.Tenant, invoiceKey, ct).ConfigureAwait(false))!;
            JsonOut.Write(w => ReceiptJson.Write(w, receipt));
            var check = Ledger.Verification.ReceiptVerifier.Verify(receipt, Ledger.Signing.SigningKeyFile.LoadPublic(context.Signer.PublicKeyPem()), context.Ledger.Validator);
            Human.Line(check.Ok ? "   receipt verified offline against the public key" : "   receipt FAILED: " + string.Join("; ", check.Failures), check.Ok ? "green" : "red");
        }

        return report.Ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
