using System.Text;
using Fapiao.Ingest;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.Storage.Specification;

public abstract partial class LedgerStoreSpecification<TProvider>
{
    private enum Op { FullA, FullB, QrA, QrB, Garbage }

    private enum Held { None, QrA, QrB, FullA, FullB }

    /// <summary>
    /// The ingest semantics as a small model: what each submission must do given what the ledger
    /// holds for its key. Full invoice B differs from A in the buyer's name only; QR A carries A's
    /// total, QR B another total.
    /// </summary>
    private static (IngestOutcome Outcome, Held Next) Model(Held held, Op op) => (held, op) switch
    {
        (_, Op.Garbage) => (IngestOutcome.Rejected, held),
        (Held.None, Op.FullA) => (IngestOutcome.Accepted, Held.FullA),
        (Held.None, Op.FullB) => (IngestOutcome.Accepted, Held.FullB),
        (Held.None, Op.QrA) => (IngestOutcome.Accepted, Held.QrA),
        (Held.None, Op.QrB) => (IngestOutcome.Accepted, Held.QrB),
        (Held.QrA, Op.FullA) => (IngestOutcome.Enriched, Held.FullA),
        (Held.QrA, Op.FullB) => (IngestOutcome.Enriched, Held.FullB),
        (Held.QrA, Op.QrA) => (IngestOutcome.Duplicate, held),
        (Held.QrB, Op.QrB) => (IngestOutcome.Duplicate, held),
        (Held.FullA, Op.FullA) or (Held.FullB, Op.FullB) => (IngestOutcome.Duplicate, held),
        (Held.FullA or Held.FullB, Op.QrA) => (IngestOutcome.Duplicate, held),
        _ => (IngestOutcome.Conflict, held),
    };

    private static byte[] Submission(Op op, string key) => op switch
    {
        Op.FullA => Invoices.Bytes(Invoices.Shudian(key)),
        Op.FullB => Invoices.Bytes(WithBuyerName(Invoices.Shudian(key))),
        Op.QrA => Encoding.ASCII.GetBytes($"01,31,,{key},1060.00,20241120,,A1B2"),
        Op.QrB => Encoding.ASCII.GetBytes($"01,31,,{key},999.00,20241120,,A1B2"),
        _ => Encoding.ASCII.GetBytes($"{{\"number\":\"{key}\",\"type\":\"31\""),
    };

    private static System.Text.Json.Nodes.JsonObject WithBuyerName(System.Text.Json.Nodes.JsonObject invoice)
    {
        invoice["buyer"]!["name"] = "另一家买方公司";
        return invoice;
    }

    [SkippableFact]
    public async Task Ingest_RandomSequencesInRandomBatches_MatchTheModelAndAlwaysVerify()
    {
        var random = new Random(20261128);
        var keys = Enumerable.Range(0, 6).Select(i => $"2411200000000055{i:D4}").ToArray();
        var held = keys.ToDictionary(k => k, _ => Held.None);
        long expectedEvents = 0;
        for (var round = 0; round < 12; round++)
        {
            var ops = Enumerable.Range(0, random.Next(1, 25)).Select(_ => ((Op)random.Next(5), keys[random.Next(keys.Length)])).ToList();
            var items = ops.Select((o, i) => new WriteItem(
                o.Item1 is Op.QrA or Op.QrB ? Reader.FromQr($"r{round}:{i}", Submission(o.Item1, o.Item2)) : Reader.FromJson($"r{round}:{i}", Submission(o.Item1, o.Item2)),
                "model")).ToList();

            var results = await Ledger.IngestAsync(Tenant, items, wantReceipts: true, CancellationToken.None);

            for (var i = 0; i < ops.Count; i++)
            {
                var (op, key) = ops[i];
                var (outcome, next) = Model(held[key], op);
                results[i].Outcome.ShouldBe(outcome, $"round {round}, item {i}: {op} on {key} holding {held[key]}");
                held[key] = next;
                if (outcome is IngestOutcome.Accepted or IngestOutcome.Enriched)
                {
                    expectedEvents++;
                }

                if (outcome is IngestOutcome.Accepted or IngestOutcome.Enriched or IngestOutcome.Duplicate)
                {
                    results[i].Receipt.ShouldNotBeNull().Key.ShouldBe(key);
                }
            }

            (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(expectedEvents);
            await ShouldVerifyAsync();
        }
    }
}
