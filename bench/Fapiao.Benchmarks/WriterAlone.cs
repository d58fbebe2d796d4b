using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.Sqlite;
using Fapiao.Validation;

namespace Fapiao.Benchmarks;

/// <summary>
/// <c>writer-alone LEDGER.db INVOICES.jsonl</c>: the ingest with parsing and validation made free.
/// Every item of the file is read, validated and made canonical first (untimed, all held in
/// memory), then the same <see cref="IngestRunner"/> the CLI uses feeds them to a fresh SQLite
/// ledger: the timed part is what the single writer path costs (events drafted on every core,
/// deciding, leaf and tree hashes, projection, signed checkpoints, durable commits). Prints one
/// line: <c>writer-alone SECONDS CPU-SECONDS ACCEPTED</c>.
/// </summary>
internal static class WriterAlone
{
    public static async Task<int> RunAsync(string ledgerPath, string invoicesPath)
    {
        var clock = TimeProvider.System;
        var reader = new SubmissionReader(new InvoiceValidator(clock));
        List<Submission> items;
        using (var input = File.OpenRead(invoicesPath))
        {
            items = reader.Read(input, invoicesPath, InputFormat.JsonLines).ToList();
        }

        await using var store = new SqliteLedgerStore(ledgerPath);
        await store.InitializeAsync(default);
        await store.CreateTenantAsync("default", clock.GetUtcNow(), default);
        using var signer = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        await using var ledger = new InvoiceLedger(store, signer, clock);
        GC.Collect();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var summary = await new IngestRunner(ledger).RunAsync("default", "bench", items, wantReceipts: false, onDurable: null, default);
        var seconds = wall.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writer-alone {seconds:F2} {cpuSeconds:F2} {summary.Accepted}"));
        return summary.Accepted == items.Count ? 0 : 1;
    }
}
