using Fapiao.Ledger.Events;
using Fapiao.Ledger.Signing;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ledger.Verification;

/// <summary>
/// Recomputes everything the ledger claims from the stored event bytes alone: every leaf hash, the
/// root of every signed checkpoint and its signature, the consistency of successive checkpoints,
/// the stored tree nodes and log head, and every invoice's projection. Stops at the first
/// difference and names it.
/// </summary>
internal sealed class LedgerVerifier(ILedgerStore store, CheckpointSigner signer)
{
    private sealed class Failed(VerifyFailure failure) : Exception(failure.Message)
    {
        public VerifyFailure Failure { get; } = failure;
    }

    /// <summary>
    /// An order-independent digest of every event's (index, kind, key, time): summed once from the
    /// stored columns in log order and once from the decoded bytes in key order, so a column that
    /// disagrees with its event is found even where no query compares the two directly.
    /// </summary>
    private ulong columnDigest;
    private ulong decodedDigest;

    /// <summary>FNV-1a over the four values: a checksum against accidents and stray edits, cheap enough for every event.</summary>
    private static ulong Digest(long index, string kind, string? key, DateTimeOffset at)
    {
        var h = 14695981039346656037UL;
        Mix(ref h, (ulong)index);
        foreach (var c in kind)
        {
            Mix(ref h, c);
        }

        Mix(ref h, 0xFFFF);
        foreach (var c in key ?? "")
        {
            Mix(ref h, c);
        }

        Mix(ref h, (ulong)at.ToUnixTimeMilliseconds());
        return h;
    }

    private static void Mix(ref ulong h, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            h = unchecked((h ^ ((value >> (8 * i)) & 0xFF)) * 1099511628211UL);
        }
    }

    /// <param name="tenant">The tenant whose log is verified.</param>
    /// <param name="physical">Also run the store's own full physical check (SQLite: PRAGMA integrity_check); it reads the whole file.</param>
    /// <param name="ct">Cancels the run.</param>
    public async Task<VerifyReport> VerifyAsync(string tenant, bool physical, CancellationToken ct)
    {
        long events = 0, invoices = 0;
        columnDigest = decodedDigest = 0;
        var checkpoints = new List<SignedCheckpoint>();
        try
        {
            if (physical && await store.CheckIntegrityAsync(ct).ConfigureAwait(false) is { } damage)
            {
                Fail("store", null, null, "The database file is damaged: " + damage);
            }

            await foreach (var cp in store.ReadCheckpointsAsync(tenant, ct).ConfigureAwait(false))
            {
                checkpoints.Add(cp);
            }

            // The two passes read the store independently (log order and key order): run them side by side.
            var log = Task.Run(() => VerifyLogAsync(tenant, checkpoints, ct), ct);
            var projection = Task.Run(() => VerifyProjectionAsync(tenant, ct), ct);
            try
            {
                await Task.WhenAll(log, projection).ConfigureAwait(false);
            }
            catch (Failed)
            {
                // Reported below, the log's failure first: it is the deeper one.
            }

            events = await log.ConfigureAwait(false);
            await VerifyConsistencyAsync(tenant, checkpoints, ct).ConfigureAwait(false);
            var (seenEvents, invoiceCount) = await projection.ConfigureAwait(false);
            invoices = invoiceCount;
            if (seenEvents != events)
            {
                Fail("event", null, null, $"The log holds {events} events, but {seenEvents} are filed under invoice keys.");
            }

            if (columnDigest != decodedDigest)
            {
                Fail("event", null, null, "The stored kind, key or time of some event differs from what its bytes say.");
            }

            return new VerifyReport(tenant, events, invoices, checkpoints.Count, null);
        }
        catch (Failed f)
        {
            return new VerifyReport(tenant, events, invoices, checkpoints.Count, f.Failure);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not Failed)
        {
            // A store that cannot even be read (a damaged page, a malformed row) is a failed verification, not a crash.
            return new VerifyReport(tenant, events, invoices, checkpoints.Count, new VerifyFailure("store", null, null, "Reading the ledger failed: " + ex.Message));
        }
    }

    private async Task<long> VerifyLogAsync(string tenant, List<SignedCheckpoint> checkpoints, CancellationToken ct)
    {
        var frontier = new MerkleFrontier();
        var expectedNodes = new List<(int Level, long Index, byte[] Hash)>();
        var nextCheckpoint = 0;
        var leaf = new byte[MerkleHash.Size];
        await foreach (var e in store.ReadEventsAsync(tenant, 0, long.MaxValue, ct).ConfigureAwait(false))
        {
            if (e.Index != frontier.Size)
            {
                Fail("event", frontier.Size, null, $"Event {frontier.Size} is missing (the next stored event is {e.Index}).");
            }

            var computed = MerkleHash.Leaf(e.Bytes);
            if (!computed.AsSpan().SequenceEqual(e.LeafHash))
            {
                Fail("event", e.Index, e.Key, $"Event {e.Index} does not match its leaf hash: its bytes or its hash were changed.");
            }

            columnDigest = unchecked(columnDigest + Digest(e.Index, e.Kind, e.Key, e.At));
            frontier.Append(computed, (level, index, hash) =>
            {
                if (level % MerkleLayout.Stride == 0)
                {
                    expectedNodes.Add((level, index, hash));
                }
            });

            while (nextCheckpoint < checkpoints.Count && checkpoints[nextCheckpoint].Size == frontier.Size)
            {
                CheckCheckpoint(tenant, checkpoints[nextCheckpoint], frontier.Root());
                nextCheckpoint++;
            }
        }

        if (nextCheckpoint < checkpoints.Count)
        {
            var cp = checkpoints[nextCheckpoint];
            Fail("checkpoint", cp.Size, null, $"A checkpoint was signed at size {cp.Size}, but the log has only {frontier.Size} events: events were removed.");
        }

        var head = await store.GetHeadAsync(tenant, ct).ConfigureAwait(false);
        if (head.Size != frontier.Size || !head.Frontier.AsSpan().SequenceEqual(frontier.ToBytes()))
        {
            Fail("head", head.Size, null, $"The log head says {head.Size} events, the log holds {frontier.Size} (or their hashes differ).");
        }

        await VerifyNodesAsync(tenant, expectedNodes, ct).ConfigureAwait(false);
        return frontier.Size;
    }

    private void CheckCheckpoint(string tenant, SignedCheckpoint cp, byte[] root)
    {
        if (!cp.Root.AsSpan().SequenceEqual(root))
        {
            Fail("checkpoint", cp.Size, null, $"The checkpoint at size {cp.Size} names a root the events do not produce.");
        }

        if (!CheckpointBody.TryParse(cp.Body, out var body) || body!.Size != cp.Size || !body.Root.AsSpan().SequenceEqual(root) || body.Origin != signer.Origin(tenant))
        {
            Fail("checkpoint", cp.Size, null, $"The checkpoint body at size {cp.Size} does not match its stored size, root or origin.");
        }

        if (body!.At != cp.At)
        {
            Fail("checkpoint", cp.Size, null, $"The stored time of the checkpoint at size {cp.Size} differs from the signed one.");
        }

        if (!signer.Verify(cp))
        {
            Fail("checkpoint", cp.Size, null, $"The signature of the checkpoint at size {cp.Size} does not verify with the ledger's key.");
        }
    }

    private async Task VerifyNodesAsync(string tenant, List<(int Level, long Index, byte[] Hash)> expected, CancellationToken ct)
    {
        expected.Sort((a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : a.Index.CompareTo(b.Index));
        var i = 0;
        await foreach (var node in store.ReadNodesAsync(tenant, ct).ConfigureAwait(false))
        {
            if (i >= expected.Count || expected[i].Level != node.Level || expected[i].Index != node.Index)
            {
                Fail("node", node.Index, null, $"The stored tree node at level {node.Level}, index {node.Index} should not exist or is out of place.");
            }

            if (!expected[i].Hash.AsSpan().SequenceEqual(node.Hash))
            {
                Fail("node", node.Index, null, $"The stored tree node at level {node.Level}, index {node.Index} has the wrong hash.");
            }

            i++;
        }

        if (i < expected.Count)
        {
            Fail("node", expected[i].Index, null, $"The tree node at level {expected[i].Level}, index {expected[i].Index} is missing from the store.");
        }
    }

    private async Task VerifyConsistencyAsync(string tenant, List<SignedCheckpoint> checkpoints, CancellationToken ct)
    {
        var source = new StridedNodeSource(store.Hashes(tenant), MerkleLayout.Stride);
        for (var i = 1; i < checkpoints.Count; i++)
        {
            var (a, b) = (checkpoints[i - 1], checkpoints[i]);
            var proof = await MerkleProofs.ConsistencyAsync(a.Size, b.Size, source, ct).ConfigureAwait(false);
            if (!MerkleVerifier.VerifyConsistency(a.Size, b.Size, proof, a.Root, b.Root))
            {
                Fail("checkpoint", b.Size, null, $"The checkpoint at size {b.Size} is not consistent with the one at size {a.Size}.");
            }
        }
    }

    private async Task<(long Events, long Invoices)> VerifyProjectionAsync(string tenant, CancellationToken ct)
    {
        await using var records = store.QueryInvoicesAsync(tenant, new InvoiceQuery(), ct).GetAsyncEnumerator(ct);
        var hasRecord = await records.MoveNextAsync().ConfigureAwait(false);
        long seenEvents = 0, invoices = 0;

        void Check(StoredEvent stored, LedgerEvent e)
        {
            seenEvents++;
            if (e.Tenant != tenant || e.Key != stored.Key || e.Kind != stored.Kind)
            {
                Fail("event", stored.Index, stored.Key, $"Event {stored.Index} says tenant {e.Tenant}, key {e.Key}, kind {e.Kind}; it is stored under {tenant}, {stored.Key}, {stored.Kind}.");
            }

            decodedDigest = unchecked(decodedDigest + Digest(stored.Index, e.Kind, e.Key, e.At));

            // The writer embeds the canonical bytes verbatim, so the content hash must be the hash of exactly those bytes.
            if (e.Kind is EventKinds.Recorded or EventKinds.Enriched
                && Formats.Json.CanonicalInvoiceJson.ContentHash(e.InvoiceBytes.Span) != e.ContentHash)
            {
                Fail("event", stored.Index, stored.Key, $"Event {stored.Index} carries a content hash that its invoice does not have.");
            }
        }

        try
        {
            await foreach (var replayed in ProjectionReplay.ReplayAsync(store, tenant, Check, ct).ConfigureAwait(false))
            {
                if (hasRecord && string.CompareOrdinal(records.Current.Key, replayed.Key) < 0)
                {
                    Fail("invoice", records.Current.FirstIndex, records.Current.Key, $"Invoice {records.Current.Key} is in the projection but no event records it.");
                }

                if (!hasRecord || records.Current.Key != replayed.Key)
                {
                    Fail("invoice", replayed.FirstIndex, replayed.Key, $"Invoice {replayed.Key} is in the log but missing from the projection.");
                }

                var differences = records.Current.DifferencesFrom(replayed).ToList();
                if (differences.Count > 0)
                {
                    Fail("invoice", replayed.LastIndex, replayed.Key, $"Invoice {replayed.Key} differs from what its events make: {string.Join(", ", differences)}.");
                }

                invoices++;
                hasRecord = await records.MoveNextAsync().ConfigureAwait(false);
            }
        }
        catch (ProjectionReplay.ReplayException ex)
        {
            Fail("event", ex.Stored.Index, ex.Stored.Key, ex.Message);
        }

        if (hasRecord)
        {
            Fail("invoice", records.Current.FirstIndex, records.Current.Key, $"Invoice {records.Current.Key} is in the projection but no event records it.");
        }

        return (seenEvents, invoices);
    }

    private static void Fail(string subject, long? index, string? key, string message) =>
        throw new Failed(new VerifyFailure(subject, index, key, message));
}
