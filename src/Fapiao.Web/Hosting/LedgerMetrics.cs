using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fapiao.Ingest;
using Fapiao.Storage;

namespace Fapiao.Web.Hosting;

/// <summary>
/// The service's own instruments (meter "Fapiao"), exported at /metrics in Prometheus text:
/// ingested items by tenant and outcome, ingest request latency, group-commit batch sizes, and per
/// tenant the log's size and the quarantine's size. The sizes are read from the store at start,
/// after each commit of that tenant, and every half minute (a scrape never waits on the database).
/// </summary>
internal sealed class LedgerMetrics
{
    public const string MeterName = "Fapiao";
    public const string BatchItems = "fapiao.group_commit.items";
    public const string IngestDuration = "fapiao.ingest.duration";

    private readonly Meter meter;
    private readonly Counter<long> items;
    private readonly Histogram<double> ingestDuration;
    private readonly Histogram<long> batchItems;
    private readonly ConcurrentDictionary<string, (long Events, long Quarantined)> sizes = new(StringComparer.Ordinal);

    /// <summary>The meter comes from the host's factory, so that two services in one process (tests) keep their series apart.</summary>
    public LedgerMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        items = meter.CreateCounter<long>("fapiao.ingest.items", "{item}", "Submitted items by tenant and outcome");
        ingestDuration = meter.CreateHistogram<double>(IngestDuration, "s", "Time from receiving an ingest request to its outcomes being durable");
        batchItems = meter.CreateHistogram<long>(BatchItems, "{item}", "Items per group commit (one transaction, one fsync)");
        meter.CreateObservableGauge("fapiao.log.events", () => Measure(s => s.Events), "{event}", "Events in the tenant's log");
        meter.CreateObservableGauge("fapiao.quarantine.items", () => Measure(s => s.Quarantined), "{item}", "Submissions in the tenant's quarantine");
    }

    public void Count(string tenant, IReadOnlyList<IngestResult> results)
    {
        foreach (var group in results.GroupBy(r => r.Outcome))
        {
            items.Add(group.Count(), new KeyValuePair<string, object?>("tenant", tenant), new KeyValuePair<string, object?>("outcome", group.Key.ToText()));
        }
    }

    public void IngestTook(string endpoint, TimeSpan elapsed) =>
        ingestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("endpoint", endpoint));

    public void BatchCommitted(int count) => batchItems.Record(count);

    public async Task RefreshAsync(ILedgerStore store, string tenant, CancellationToken ct)
    {
        var head = await store.GetHeadAsync(tenant, ct).ConfigureAwait(false);
        sizes[tenant] = (head.Size, head.NextQuarantineId - 1);
    }

    private IEnumerable<Measurement<long>> Measure(Func<(long Events, long Quarantined), long> pick) =>
        sizes.Select(kv => new Measurement<long>(pick(kv.Value), new KeyValuePair<string, object?>("tenant", kv.Key)));
}
