using Fapiao.Accounts;
using Fapiao.Ledger;

namespace Fapiao.Storage;

/// <summary>
/// Moves whole ledgers from one store to another (SQLite and PostgreSQL either way), tenant by
/// tenant. The log goes over one source checkpoint at a time, each in one write transaction that
/// also stores that checkpoint verbatim (body and signature), after the events' leaf hashes have
/// been checked against their bytes and the tree rebuilt to the checkpoint's root. So the target
/// ends with identical roots and checkpoints, and an interrupted copy resumes from the last
/// checkpoint it committed. The projection and the quarantine follow in chunks (upserts and
/// appends from the target's head on, so they resume too); until a copy has finished, verify on
/// the target reports the projection as incomplete. The tenant's users and API keys (their hashes
/// only: the secrets were never stored) come last, added where the target lacks them, so that the
/// same people and systems can sign in to the copy, then its reconciliation runs and their
/// differences, verbatim.
/// </summary>
internal sealed class LedgerCopier(ILedgerStore from, ILedgerStore to, TimeProvider clock)
{
    /// <summary>Rows of projection or quarantine per transaction.</summary>
    public const int ChunkRows = 5000;

    /// <summary>Reports progress: tenant, events copied so far, events in the source.</summary>
    public event Action<string, long, long>? Progress;

    public async Task<IReadOnlyList<TenantCopy>> CopyAsync(CancellationToken ct)
    {
        var reports = new List<TenantCopy>();
        foreach (var tenant in await from.ListTenantsAsync(ct).ConfigureAwait(false))
        {
            reports.Add(await CopyTenantAsync(tenant, ct).ConfigureAwait(false));
        }

        return reports;
    }

    private async Task<TenantCopy> CopyTenantAsync(string tenant, CancellationToken ct)
    {
        await to.CreateTenantAsync(tenant, clock.GetUtcNow(), ct).ConfigureAwait(false);
        var start = (await to.GetHeadAsync(tenant, ct).ConfigureAwait(false)).Size;
        var checkpoints = new List<SignedCheckpoint>();
        await foreach (var cp in from.ReadCheckpointsAsync(tenant, ct).ConfigureAwait(false))
        {
            checkpoints.Add(cp);
        }

        var total = checkpoints.Count == 0 ? 0 : checkpoints[^1].Size;
        await CheckSameHistoryAsync(tenant, start, checkpoints, ct).ConfigureAwait(false);
        foreach (var cp in checkpoints.Where(c => c.Size > start))
        {
            await CopyUpToAsync(tenant, cp, ct).ConfigureAwait(false);
            Progress?.Invoke(tenant, cp.Size, total);
        }

        var invoices = await CopyProjectionAsync(tenant, ct).ConfigureAwait(false);
        var quarantined = await CopyQuarantineAsync(tenant, ct).ConfigureAwait(false);
        var (users, apiKeys) = await CopyAccountsAsync(tenant, ct).ConfigureAwait(false);
        var reconciliations = await CopyReconciliationsAsync(tenant, ct).ConfigureAwait(false);
        return new TenantCopy(tenant, start, total, invoices, quarantined, users, apiKeys, reconciliations);
    }

    /// <summary>Copies the tenant's reconciliation runs and their differences (the trace cites them), differences in chunks.</summary>
    private async Task<long> CopyReconciliationsAsync(string tenant, CancellationToken ct)
    {
        if (from is not IReconciliationStore source || to is not IReconciliationStore target)
        {
            return 0;
        }

        // Oldest first, as they were recorded.
        var runs = await source.ListReconciliationsAsync(tenant, ct).Reverse().ToListAsync(ct).ConfigureAwait(false);
        var added = await target.ImportReconciliationsAsync(tenant, runs, [], ct).ConfigureAwait(false);
        await foreach (var chunk in Chunks(source.ListDifferencesAsync(tenant, key: null, openOnly: false, ct)).ConfigureAwait(false))
        {
            await target.ImportReconciliationsAsync(tenant, [], chunk, ct).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>Adds the tenant's users and API keys the target does not have; a name or key id already there is left as it is.</summary>
    private async Task<(long Users, long ApiKeys)> CopyAccountsAsync(string tenant, CancellationToken ct)
    {
        if (from is not IAccountStore source || to is not IAccountStore target)
        {
            return (0, 0);
        }

        long users = 0;
        foreach (var user in await source.ListUsersAsync(tenant, ct).ConfigureAwait(false))
        {
            users += await target.SaveUserAsync(user, replace: false, ct).ConfigureAwait(false) ? 1 : 0;
        }

        long keys = 0;
        foreach (var key in await source.ListApiKeysAsync(tenant, ct).ConfigureAwait(false))
        {
            keys += await target.AddApiKeyAsync(key, ct).ConfigureAwait(false) ? 1 : 0;
        }

        return (users, keys);
    }

    /// <summary>A target that already holds part of the log must hold the source's log, up to one of its checkpoints.</summary>
    private async Task CheckSameHistoryAsync(string tenant, long start, List<SignedCheckpoint> checkpoints, CancellationToken ct)
    {
        if (start == 0)
        {
            return;
        }

        var theirs = await to.GetLatestCheckpointAsync(tenant, ct).ConfigureAwait(false);
        var ours = checkpoints.Find(c => c.Size == start);
        if (theirs is null || ours is null || theirs.Size != start || !theirs.Root.AsSpan().SequenceEqual(ours.Root) || theirs.Body != ours.Body)
        {
            throw new InvalidOperationException($"The target's log of tenant \"{tenant}\" ({start} events) is not a copy of the source's: refusing to continue it.");
        }
    }

    private async Task CopyUpToAsync(string tenant, SignedCheckpoint cp, CancellationToken ct)
    {
        await using var tx = await to.BeginWriteAsync(tenant, ct).ConfigureAwait(false);
        var head = tx.Head;
        var tree = new AppendingTree(MerkleFrontier.FromBytes(head.Size, head.Frontier));
        var write = new BatchWrite { Head = head, Checkpoint = cp };
        await foreach (var e in from.ReadEventsAsync(tenant, head.Size, cp.Size, ct).ConfigureAwait(false))
        {
            if (e.Index != tree.Size || !MerkleHash.Leaf(e.Bytes).AsSpan().SequenceEqual(e.LeafHash))
            {
                throw new InvalidOperationException($"Event {e.Index} of tenant \"{tenant}\" in the source is damaged (run fapiao verify on it): nothing more was copied.");
            }

            tree.Append(e.LeafHash);
            write.Events.Add(e);
        }

        if (tree.Size != cp.Size || !tree.Root().AsSpan().SequenceEqual(cp.Root))
        {
            throw new InvalidOperationException($"The source's events of tenant \"{tenant}\" do not give the root of its checkpoint at size {cp.Size} (run fapiao verify on it): nothing more was copied.");
        }

        write.Nodes.AddRange(tree.NewNodesAtLevels(MerkleLayout.Stride));
        write.Head = head with { Size = tree.Size, Frontier = tree.Frontier.ToBytes() };
        await tx.WriteAsync(write, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task<long> CopyProjectionAsync(string tenant, CancellationToken ct)
    {
        long count = 0;
        await foreach (var chunk in Chunks(from.QueryInvoicesAsync(tenant, new InvoiceQuery(), ct)).ConfigureAwait(false))
        {
            await using var tx = await to.BeginWriteAsync(tenant, ct).ConfigureAwait(false);
            var write = new BatchWrite { Head = tx.Head };
            write.Invoices.AddRange(chunk);
            await tx.WriteAsync(write, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            count += chunk.Count;
        }

        return count;
    }

    /// <summary><paramref name="source"/> in lists of <see cref="ChunkRows"/> (the last one shorter), one transaction each.</summary>
    private static async IAsyncEnumerable<List<T>> Chunks<T>(IAsyncEnumerable<T> source)
    {
        var chunk = new List<T>(ChunkRows);
        await foreach (var item in source.ConfigureAwait(false))
        {
            chunk.Add(item);
            if (chunk.Count == ChunkRows)
            {
                yield return chunk;
                chunk = new List<T>(ChunkRows);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task<long> CopyQuarantineAsync(string tenant, CancellationToken ct)
    {
        // One pass in id order from the first id the target lacks; each chunk moves the target's next id past it.
        long count = 0;
        var next = (await to.GetHeadAsync(tenant, ct).ConfigureAwait(false)).NextQuarantineId;
        await foreach (var chunk in Chunks(from.ListQuarantineAsync(tenant, ct).Where(item => item.Id >= next)).ConfigureAwait(false))
        {
            await using var tx = await to.BeginWriteAsync(tenant, ct).ConfigureAwait(false);
            var write = new BatchWrite { Head = tx.Head with { NextQuarantineId = chunk[^1].Id + 1 } };
            write.Quarantine.AddRange(chunk);
            write.Resolutions.AddRange(chunk.Select(item => item.Resolution).OfType<QuarantineResolution>());
            await tx.WriteAsync(write, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            count += chunk.Count;
        }

        return count;
    }
}

/// <summary>
/// What a copy did for one tenant: the log from <paramref name="ResumedAt"/> to <paramref name="Events"/>;
/// <paramref name="Users"/>, <paramref name="ApiKeys"/> and <paramref name="Reconciliations"/> count
/// the accounts and reconciliation runs this run added.
/// </summary>
internal sealed record TenantCopy(string Tenant, long ResumedAt, long Events, long Invoices, long Quarantined, long Users, long ApiKeys, long Reconciliations);
