using System.Collections.Concurrent;
using System.Threading.Channels;
using Fapiao.Ledger;
using Fapiao.Ledger.Signing;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ingest;

/// <summary>
/// The single writer of a process. Submitters queue their items; the writer takes whatever has
/// queued up (up to <see cref="MaxBatchItems"/>) and commits it as one transaction per tenant, so
/// concurrent submitters share one fsync. A submitter's task completes only after its items are
/// durable; if the commit fails, every submitter in that batch sees the failure and nothing of it
/// was reported as done. Receipts are built after the commit beside the writer, not by it: the
/// writer goes on to the next batch while the last one's proofs are made.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    public const int MaxBatchItems = 8192;

    private readonly ILedgerStore store;
    private readonly CheckpointSigner signer;
    private readonly InvoiceValidator validator;
    private readonly TimeProvider clock;
    private readonly ReceiptBuilder receipts;
    private readonly Channel<Request> queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    // Receipts being built for committed batches; awaited on dispose.
    private readonly ConcurrentDictionary<Task, bool> proving = new();

    private sealed record Request(string Tenant, IReadOnlyList<WriteItem> Items, bool WantReceipts, TaskCompletionSource<IReadOnlyList<IngestResult>> Done);

    public GroupCommitWriter(ILedgerStore store, CheckpointSigner signer, InvoiceValidator validator, TimeProvider clock, ReceiptBuilder receipts)
    {
        this.store = store;
        this.signer = signer;
        this.validator = validator;
        this.clock = clock;
        this.receipts = receipts;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Observes every committed batch: tenant, number of items, number of events. For metrics and tests.</summary>
    public event Action<string, int, int>? BatchCommitted;

    public Task<IReadOnlyList<IngestResult>> SubmitAsync(string tenant, IReadOnlyList<WriteItem> items, bool wantReceipts, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<IReadOnlyList<IngestResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Request(tenant, items, wantReceipts, done)))
        {
            throw new InvalidOperationException("The ledger writer has stopped.");
        }

        return done.Task;
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        var taken = new List<Request>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            taken.Clear();
            var count = 0;
            while (count < MaxBatchItems && reader.TryRead(out var request))
            {
                taken.Add(request);
                count += request.Items.Count;
            }

            foreach (var group in taken.GroupBy(r => r.Tenant, StringComparer.Ordinal))
            {
                await CommitAsync(group.Key, group.ToList()).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(string tenant, List<Request> requests)
    {
        try
        {
            var items = requests.SelectMany(r => r.Items).ToList();
            var (results, batch, sizeBefore) = await RunBatchAsync(tenant, items).ConfigureAwait(false);

            BatchCommitted?.Invoke(tenant, items.Count, (int)(batch.TreeSize - sizeBefore));

            // The checkpoint the receipts lead to is taken now, so that they do not depend on when they are built.
            var checkpoint = requests.Exists(r => r.WantReceipts)
                ? batch.NewCheckpoint ?? await store.GetLatestCheckpointAsync(tenant, CancellationToken.None).ConfigureAwait(false)
                : null;
            var offset = 0;
            foreach (var request in requests)
            {
                var mine = results.GetRange(offset, request.Items.Count);
                offset += request.Items.Count;
                if (request.WantReceipts && checkpoint is not null)
                {
                    Prove(tenant, request, mine, batch, sizeBefore, checkpoint);
                }
                else
                {
                    request.Done.TrySetResult(mine);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var request in requests)
            {
                request.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One transaction for the batch. A transaction the database rolled back because of a
    /// collision with another writer is run again from scratch: the batch is decided anew against
    /// the head found then, so nothing is lost or appended twice.
    /// </summary>
    private async Task<(List<IngestResult> Results, TenantBatch Batch, long SizeBefore)> RunBatchAsync(string tenant, List<WriteItem> items)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await store.BeginWriteAsync(tenant, CancellationToken.None).ConfigureAwait(false);
                var sizeBefore = tx.Head.Size;
                var batch = new TenantBatch(tx, tenant, validator, clock.GetUtcNow());
                var results = await batch.RunAsync(items, signer, CancellationToken.None).ConfigureAwait(false);
                await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return (results, batch, sizeBefore);
            }
            catch (TransientStoreException) when (attempt < MaxAttempts)
            {
                // Back off with jitter so colliding writers do not collide again in step.
#pragma warning disable CA5394 // jitter, not security
                var wait = TimeSpan.FromMilliseconds((5 << Math.Min(attempt, 8)) + Random.Shared.Next(0, 20));
#pragma warning restore CA5394
                await Task.Delay(wait, clock).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How often a batch is tried when the database rolls it back for a collision.</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// Completes <paramref name="request"/> with its results and their receipts, built on the thread
    /// pool: the batch is committed and its tree no longer changes, so the writer need not wait.
    /// </summary>
    private void Prove(string tenant, Request request, List<IngestResult> results, TenantBatch batch, long sizeBefore, SignedCheckpoint checkpoint)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                request.Done.TrySetResult(await WithReceiptsAsync(tenant, results, batch, sizeBefore, checkpoint).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                request.Done.TrySetException(ex);
            }
        });
        proving.TryAdd(task, true);
        _ = task.ContinueWith(done => proving.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task<List<IngestResult>> WithReceiptsAsync(string tenant, List<IngestResult> results, TenantBatch batch, long sizeBefore, SignedCheckpoint checkpoint)
    {
        var list = new List<IngestResult>(results.Count);

        // Older leaves (duplicates) are proved against one tree size: their proofs share most
        // nodes, so the batch reads each stored node once.
        INodeSource? stored = null;
        foreach (var result in results)
        {
            if (result.LeafIndex is not { } index || result.Key is null)
            {
                list.Add(result);
                continue;
            }

            // New leaves are proved from the batch's tree in memory; older ones (duplicates) from the store.
            var fromBatch = index >= sizeBefore && batch.NewCheckpoint is not null;
            var receipt = fromBatch
                ? await receipts.BuildAsync(tenant, result.Key, batch.AppendedEvent(index)!, checkpoint, batch.Tree, CancellationToken.None).ConfigureAwait(false)
                : await receipts.BuildAsync(tenant, result.Key, index, checkpoint, stored ??= new CachingNodeSource(receipts.StoredNodes(tenant)), CancellationToken.None).ConfigureAwait(false);
            list.Add(result with { Receipt = receipt });
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
        await Task.WhenAll(proving.Keys).ConfigureAwait(false);
    }
}
