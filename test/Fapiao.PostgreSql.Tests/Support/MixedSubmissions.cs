using System.Text.Json.Nodes;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.PostgreSql.Tests.Support;

/// <summary>Two batches with every outcome in them: accepted, duplicate, enriched, conflict, rejected, a red letter before its blue.</summary>
internal static class MixedSubmissions
{
    private static IEnumerable<IReadOnlyList<(string Kind, byte[] Bytes)>> Batches()
    {
        static (string, byte[]) Json(JsonNode node) => ("json", Invoices.Bytes(node));
        var conflict = Invoices.Shudian("24112000000000000002");
        conflict["buyer"]!["name"] = "另一家公司";
        var rejected = Invoices.Shudian("24112000000000000009");
        rejected["total"] = "1.00";
        yield return
        [
            Json(Invoices.Shudian("24112000000000000001")),
            Json(Invoices.Shudian("24112000000000000002")),
            ("qr", "01,31,,24112000000000000003,1060.00,20241120,,B2B6"u8.ToArray()),
            Json(Invoices.Red("24112000000000099901", "24112000000000000004", "-100.00", "-6.00")),
            Json(rejected),
        ];
        yield return
        [
            Json(Invoices.Shudian("24112000000000000001")),
            Json(conflict),
            Json(Invoices.Shudian("24112000000000000003")),
            Json(Invoices.Shudian("24112000000000000004")),
            ..Enumerable.Range(10, 40).Select(i => Json(Invoices.Shudian($"241120000000000001{i:D2}"))),
        ];
    }

    public static async Task<List<IngestOutcome>> IngestAsync(InvoiceLedger ledger)
    {
        var reader = new SubmissionReader(ledger.Validator);
        var outcomes = new List<IngestOutcome>();
        foreach (var batch in Batches())
        {
            var items = batch.Select((b, i) => new WriteItem(b.Kind == "qr" ? reader.FromQr($"qr:{i}", b.Bytes) : reader.FromJson($"test:{i}", b.Bytes), "test")).ToList();
            outcomes.AddRange((await ledger.IngestAsync(PgLedger.Tenant, items, wantReceipts: false, CancellationToken.None)).Select(r => r.Outcome));
        }

        return outcomes;
    }

    /// <summary>A batch of ten new invoices, numbered by <paramref name="round"/>, into <paramref name="tenant"/>.</summary>
    public static async Task IngestAsync(InvoiceLedger ledger, string tenant, int round)
    {
        var reader = new SubmissionReader(ledger.Validator);
        var items = Enumerable.Range(0, 10)
            .Select(i => new WriteItem(reader.FromJson($"round:{round}:{i}", Invoices.Bytes(Invoices.Shudian($"2411200000000{round:D3}00{i:D2}"))), "test"))
            .ToList();
        (await ledger.IngestAsync(tenant, items, wantReceipts: false, CancellationToken.None)).ShouldAllBe(r => r.Outcome == IngestOutcome.Accepted);
    }
}
