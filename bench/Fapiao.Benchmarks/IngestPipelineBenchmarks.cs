using System.Text;
using BenchmarkDotNet.Attributes;
using Fapiao.Demo;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger;
using Fapiao.Ledger.Events;
using Fapiao.Validation;

namespace Fapiao.Benchmarks;

/// <summary>
/// The per-invoice CPU stages of an ingest, each against the plain JSON parse of the same bytes as
/// the baseline: parse and validate, canonical content hash, event encoding and leaf hash.
/// </summary>
[MemoryDiagnoser]
public class IngestPipelineBenchmarks
{
    private byte[][] lines = [];
    private Invoice[] invoices = [];
    private SubmissionReader reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var today = new DateOnly(2026, 11, 28);
        invoices = new DemoInvoices(42, today).Generate(1000).ToArray();
        lines = invoices.Select(CanonicalInvoiceJson.ToBytes).ToArray();
        reader = new SubmissionReader(new InvoiceValidator(TimeProvider.System));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public int JsonDocumentParse()
    {
        var n = 0;
        foreach (var line in lines)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            n += doc.RootElement.GetPropertyCount();
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int ParseAndValidate()
    {
        var n = 0;
        foreach (var line in lines)
        {
            n += reader.FromJson("bench:1", line).Problems.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int ContentHash()
    {
        var n = 0;
        foreach (var invoice in invoices)
        {
            n += CanonicalInvoiceJson.ContentHash(invoice).Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int EncodeEventAndLeafHash()
    {
        var n = 0;
        var at = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        foreach (var invoice in invoices)
        {
            var bytes = EventCodec.Encode(new LedgerEvent
            {
                Kind = EventKinds.Recorded, Tenant = "bench", Key = invoice.Key.ToString(), At = at, Actor = "bench", Source = "bench:1",
                ContentHash = "x", Invoice = invoice,
            });
            n += MerkleHash.Leaf(bytes)[0];
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int DecodeEvent()
    {
        var validator = new InvoiceValidator(TimeProvider.System);
        var n = 0;
        var at = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        foreach (var line in lines)
        {
            n += Encoding.UTF8.GetByteCount(EventCodec.Decode(EventCodec.Encode(new LedgerEvent
            {
                Kind = EventKinds.Recorded, Tenant = "bench", At = at, Actor = "bench", Source = "bench:1", ContentHash = "x", Invoice = invoices[n % invoices.Length],
            }), validator).Kind);
        }

        return n;
    }
}
