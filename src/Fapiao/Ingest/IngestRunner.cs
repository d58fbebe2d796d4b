namespace Fapiao.Ingest;

/// <summary>
/// Feeds a stream of submissions to the ledger in chunks, keeping a few chunks in flight so that
/// parsing (this thread) and writing (the writer's) overlap, and hands back the results strictly
/// in input order, each chunk only once it is durable. Memory stays bounded by the chunks in flight.
/// </summary>
internal sealed class IngestRunner(InvoiceLedger ledger)
{
    /// <summary>The chunk size for submitters that chunk by themselves (the HTTP API); the runner uses the store's own.</summary>
    public const int ChunkSize = 1024;
    public const int MaxChunksInFlight = 4;

    private readonly int chunkSize = ledger.Store.IngestChunkItems;

    public async Task<IngestSummary> RunAsync(
        string tenant,
        string actor,
        IEnumerable<Submission> submissions,
        bool wantReceipts,
        Func<IReadOnlyList<IngestResult>, CancellationToken, ValueTask>? onDurable,
        CancellationToken ct)
    {
        var summary = new IngestSummary();
        var inFlight = new Queue<Task<IReadOnlyList<IngestResult>>>();
        var chunk = new List<WriteItem>(chunkSize);

        async Task DrainOneAsync()
        {
            var results = await inFlight.Dequeue().ConfigureAwait(false);
            foreach (var result in results)
            {
                summary.Add(result);
            }

            if (onDurable is not null)
            {
                await onDurable(results, ct).ConfigureAwait(false);
            }
        }

        async Task FlushAsync()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            Prepare(tenant, chunk);
            inFlight.Enqueue(ledger.IngestAsync(tenant, chunk, wantReceipts, ct));
            chunk = new List<WriteItem>(chunkSize);
            while (inFlight.Count >= MaxChunksInFlight)
            {
                await DrainOneAsync().ConfigureAwait(false);
            }
        }

        foreach (var submission in submissions)
        {
            ct.ThrowIfCancellationRequested();
            chunk.Add(new WriteItem(submission, actor));
            if (chunk.Count == chunkSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        while (inFlight.Count > 0)
        {
            await DrainOneAsync().ConfigureAwait(false);
        }

        return summary;
    }

    /// <summary>
    /// Encodes each item's <c>recorded</c> event ahead of the writer (see <see cref="RecordedEventDraft"/>),
    /// on every core: the writer is one thread, this side can be many.
    /// </summary>
    internal static void Prepare(string tenant, List<WriteItem> chunk) =>
        OnEveryCore.For(chunk.Count, i => PrepareOne(tenant, chunk, i));

    /// <summary>
    /// As <see cref="Prepare"/>, on the calling thread: for submitters that are many already (the
    /// HTTP API's requests), where spreading one request over the cores would only add hand-offs.
    /// </summary>
    internal static void PrepareHere(string tenant, List<WriteItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            PrepareOne(tenant, items, i);
        }
    }

    private static void PrepareOne(string tenant, List<WriteItem> items, int i) =>
        items[i] = items[i] with { Recorded = RecordedEventDraft.For(tenant, items[i]) };
}
