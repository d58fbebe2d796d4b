using System.Security.Cryptography;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.PostgreSql.Tests.Support;
using Fapiao.Storage;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.PostgreSql.Tests;

/// <summary>
/// Several writers with connection pools of their own (as separate processes have) on one tenant:
/// the row lock on the log head serialises them, so the log never forks and nothing is lost or
/// appended twice. The multi-process version runs the real program (Fapiao.Cli.Tests).
/// </summary>
public sealed class ConcurrentWritersTests
{
    [SkippableFact]
    public async Task Ingest_WritersWithTheirOwnPoolsOnOneTenant_NeverForkLoseOrDuplicate()
    {
        const int writers = 6, rounds = 8, perBatch = 10;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var pg = await PgLedger.CreateAsync(key);
        var ledgers = new List<(PostgreSqlLedgerStore Store, InvoiceLedger Ledger)>();
        for (var w = 0; w < writers; w++)
        {
            var store = new PostgreSqlLedgerStore(pg.ConnectionString);
            await store.InitializeAsync(CancellationToken.None);
            ledgers.Add((store, new InvoiceLedger(store, new CheckpointSigner(key), new ManualClock(PgLedger.Start))));
        }

        try
        {
            // Writer w submits keys shared by every writer (0..9 of each round) and keys of its own.
            var tasks = ledgers.Select((l, w) => Task.Run(async () =>
            {
                var reader = new SubmissionReader(l.Ledger.Validator);
                var results = new List<IngestResult>();
                for (var r = 0; r < rounds; r++)
                {
                    var items = Enumerable.Range(0, perBatch)
                        .Select(i => i % 2 == 0 ? $"2411200000000{r:D2}0000{i:D1}" : $"2411200000001{w:D2}{r:D2}00{i:D1}")
                        .Select(n => new WriteItem(reader.FromJson("t", Invoices.Bytes(Invoices.Shudian(n))), "test"))
                        .ToList();
                    results.AddRange(await l.Ledger.IngestAsync(PgLedger.Tenant, items, wantReceipts: false, CancellationToken.None));
                }

                return results;
            })).ToList();
            var all = (await Task.WhenAll(tasks)).SelectMany(r => r).ToList();

            var accepted = all.Where(r => r.Outcome == IngestOutcome.Accepted).ToList();
            all.ShouldAllBe(r => r.Outcome == IngestOutcome.Accepted || r.Outcome == IngestOutcome.Duplicate);
            var distinctKeys = all.Select(r => r.Key).Distinct().Count();
            accepted.Count.ShouldBe(distinctKeys, "each key accepted exactly once");
            accepted.Select(r => r.LeafIndex).Distinct().Count().ShouldBe(accepted.Count, "no two acceptances share a leaf");
            var head = await pg.Store.GetHeadAsync(PgLedger.Tenant, CancellationToken.None);
            head.Size.ShouldBe(distinctKeys);
            var leaves = new HashSet<string>();
            await foreach (var e in ((ILedgerStore)pg.Store).ReadEventsAsync(PgLedger.Tenant, 0, head.Size, CancellationToken.None))
            {
                leaves.Add(e.Key!).ShouldBeTrue($"{e.Key} appended twice");
            }

            (await pg.Ledger.VerifyAsync(PgLedger.Tenant, CancellationToken.None)).Failure.ShouldBeNull();
        }
        finally
        {
            foreach (var (store, ledger) in ledgers)
            {
                await ledger.DisposeAsync();
                await store.DisposeAsync();
            }
        }
    }
}
