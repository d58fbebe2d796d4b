using Fapiao.Ledger.Events;
using Fapiao.Ledger.Signing;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ledger.Verification;

/// <summary>
/// Recomputes everything the ledger claims from the stored event bytes alone: every leaf hash, the
/// root of every signed checkpoint and its signature, the consistency of successive checkpoints
/// (each root recomputed from the one log, and a proof from the stored nodes that the newest
/// extends the oldest), the stored tree nodes and log head, and every invoice's projection.
/// Stops at the first difference and names it.
/// </summary>
/// <param name="store">The store to read.</param>
/// <param name="signer">Verifies the checkpoints' signatures.</param>
/// <param name="ranges">
/// How many key ranges the key-order pass is split into; null for one per core (at most eight),
/// fewer when the log is small (<see cref="MinEventsPerRange"/>). Any number gives the same report.
/// </param>
internal sealed class LedgerVerifier(ILedgerStore store, CheckpointSigner signer, int? ranges = null)
{
    /// <summary>Below this many events per range the key-order pass is not split further: starting a range costs more than it saves.</summary>
    public const long MinEventsPerRange = 20_000;

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

    /// <summary>FNV-1a over the four values (kind and key as UTF-8): a checksum against accidents and stray edits, cheap enough for every event.</summary>
    private static ulong Digest(long index, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> key, DateTimeOffset at)
    {
        var h = 14695981039346656037UL;
        Mix(ref h, (ulong)index);
        foreach (var b in kind)
        {
            h = unchecked((h ^ b) * 1099511628211UL);
        }

        Mix(ref h, 0xFFFF);
        foreach (var b in key)
        {
            h = unchecked((h ^ b) * 1099511628211UL);
        }

        Mix(ref h, (ulong)at.ToUnixTimeMilliseconds());
        return h;
    }

    private static ulong Digest(long index, string kind, string? key, DateTimeOffset at)
    {
        Span<byte> kindUtf8 = stackalloc byte[Utf8.MaxStackLength];
        Span<byte> keyUtf8 = stackalloc byte[Utf8.MaxStackLength];
        return Digest(index, Utf8.Encode(kind, kindUtf8), Utf8.Encode(key ?? "", keyUtf8), at);
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
        columnDigest = 0;
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

            // The passes read the store independently (log order, and key order split into key
            // ranges over the cores): run them side by side. Each range is verified as the whole
            // key order was, so the first difference in key order is the first range's.
            var keyRanges = await RangesAsync(tenant, ct).ConfigureAwait(false);
            var log = Task.Run(() => VerifyLogAsync(tenant, checkpoints, ct), ct);
            // The consistency proof reads only the stored tree nodes: beside the passes, not after them.
            var consistency = Task.Run(() => VerifyConsistencyAsync(tenant, checkpoints, ct), ct);
            var projections = keyRanges.Select(range => Task.Run(() => VerifyProjectionAsync(tenant, range, ct), ct)).ToList();
            try
            {
                await Task.WhenAll([log, consistency, .. projections]).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // every task's outcome is awaited again below, in order
            catch (Exception)
            {
                // Reported below, the log's failure first: it is the deeper one (a log cut short can
                // also make a consistency proof unreadable, which must not hide what the log found).
            }
#pragma warning restore CA1031

            events = await log.ConfigureAwait(false);
            await consistency.ConfigureAwait(false);
            // In key order, so the first range's failure is the one reported; nothing counted until every range has passed.
            var passed = new List<(long Events, long Invoices, ulong Digest, HashSet<string> Originals)>(projections.Count);
            foreach (var projection in projections)
            {
                passed.Add(await projection.ConfigureAwait(false));
            }

            var seenEvents = passed.Sum(p => p.Events);
            invoices = passed.Sum(p => p.Invoices);
            var decodedDigest = passed.Aggregate(0UL, (sum, p) => unchecked(sum + p.Digest));

            if (seenEvents != events)
            {
                Fail("event", null, null, $"The log holds {events} events, but {seenEvents} are filed under invoice keys.");
            }

            if (columnDigest != decodedDigest)
            {
                Fail("event", null, null, "The stored kind, key or time of some event differs from what its bytes say.");
            }

            var originals = new HashSet<string>(StringComparer.Ordinal);
            passed.ForEach(p => originals.UnionWith(p.Originals));
            return new VerifyReport(tenant, events, invoices, checkpoints.Count, null) { Originals = originals };
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

    /// <summary>
    /// Key ranges that cut the log into about equal parts, split at the keys of events sampled at
    /// even steps through the log. Only a matter of balance: any split keys cover the key order
    /// without gap or overlap, so a damaged or unreadable sample just means fewer ranges.
    /// </summary>
    internal async Task<IReadOnlyList<KeyRange>> RangesAsync(string tenant, CancellationToken ct)
    {
        var parts = ranges ?? Math.Min(Environment.ProcessorCount, 8);
        try
        {
            var size = (await store.GetHeadAsync(tenant, ct).ConfigureAwait(false)).Size;
            if (ranges is null)
            {
                parts = (int)Math.Min(parts, size / MinEventsPerRange);
            }

            if (parts < 2 || size == 0)
            {
                return [KeyRange.All];
            }

            var samples = 64 * parts;
            var keys = new List<string>(samples);
            for (var i = 0; i < samples; i++)
            {
                if (await store.GetEventAsync(tenant, (2 * i + 1) * size / (2 * samples), ct).ConfigureAwait(false) is { Key: { } key })
                {
                    keys.Add(key);
                }
            }

            keys.Sort(StringComparer.Ordinal);
            var splits = keys.Count == 0
                ? []
                : Enumerable.Range(1, parts - 1).Select(i => keys[i * keys.Count / parts]).Distinct(StringComparer.Ordinal).ToList();
            return KeyRange.SplitAt(splits);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [KeyRange.All];
        }
    }

    private async Task<long> VerifyLogAsync(string tenant, List<SignedCheckpoint> checkpoints, CancellationToken ct)
    {
        var frontier = new MerkleFrontier();
        var expectedNodes = new List<(int Level, long Index, byte[] Hash)>();
        var nextCheckpoint = 0;
        var leaf = new byte[MerkleHash.Size];
        using var sha256 = new ReusableSha256();
        await foreach (var e in store.ScanEventsAsync(tenant, ct).ConfigureAwait(false))
        {
            if (e.Index != frontier.Size)
            {
                Fail("event", frontier.Size, null, $"Event {frontier.Size} is missing (the next stored event is {e.Index}).");
            }

            sha256.Leaf(e.Bytes.Span, leaf);
            if (!leaf.AsSpan().SequenceEqual(e.LeafHash))
            {
                Fail("event", e.Index, e.KeyText, $"Event {e.Index} does not match its leaf hash: its bytes or its hash were changed.");
            }

            columnDigest = unchecked(columnDigest + Digest(e.Index, e.Kind, e.Key, e.At));
            frontier.Append(leaf, (level, index, hash) =>
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

    /// <summary>
    /// Proves, from the stored tree nodes as a client asking for it would be answered, that the
    /// newest checkpoint extends the oldest. Every other pair needs no proof of its own: the log pass
    /// recomputes the tree from the events and finds each checkpoint's root at its size, so all of
    /// them are prefixes of one log, and it checks every stored node, so the proofs served from
    /// them are the recomputed tree's. (A proof per pair of successive checkpoints, one per group
    /// commit, cost about 1 s of a 1,000,000-event verify and could find nothing more.)
    /// </summary>
    private async Task VerifyConsistencyAsync(string tenant, List<SignedCheckpoint> checkpoints, CancellationToken ct)
    {
        if (checkpoints.Count < 2)
        {
            return;
        }

        var (a, b) = (checkpoints[0], checkpoints[^1]);
        var proof = await MerkleProofs.ConsistencyAsync(a.Size, b.Size, new StridedNodeSource(store.Hashes(tenant), MerkleLayout.Stride), ct).ConfigureAwait(false);
        if (!MerkleVerifier.VerifyConsistency(a.Size, b.Size, proof, a.Root, b.Root))
        {
            Fail("checkpoint", b.Size, null, $"The checkpoint at size {b.Size} is not consistent with the one at size {a.Size}.");
        }
    }

    /// <summary>Replays the events of one key range and compares every projection row in it; the digest is of the decoded events.</summary>
    private async Task<(long Events, long Invoices, ulong Digest, HashSet<string> Originals)> VerifyProjectionAsync(string tenant, KeyRange range, CancellationToken ct)
    {
        var originals = new HashSet<string>(StringComparer.Ordinal);
        await using var records = store.QueryInvoicesAsync(tenant, new InvoiceQuery(AfterKey: range.After, UpToKey: range.UpTo), ct).GetAsyncEnumerator(ct);
        var hasRecord = await records.MoveNextAsync().ConfigureAwait(false);
        long seenEvents = 0, invoices = 0;
        ulong decodedDigest = 0;
        using var sha256 = new ReusableSha256();

        void Check(EventRow stored, LedgerEvent e)
        {
            seenEvents++;
            if (e.Tenant != tenant || !Utf8.Equals(e.Key, stored.HasKey, stored.Key) || !Utf8.Equals(e.Kind, true, stored.Kind))
            {
                Fail("event", stored.Index, stored.KeyText, $"Event {stored.Index} says tenant {e.Tenant}, key {e.Key}, kind {e.Kind}; it is stored under {tenant}, {stored.KeyText}, {stored.KindText}.");
            }

            decodedDigest = unchecked(decodedDigest + Digest(stored.Index, e.Kind, e.Key, e.At));
            if (e.Original is { } original)
            {
                originals.Add(original.Sha256);
            }

            // The writer embeds the canonical bytes verbatim, so the content hash must be the hash of exactly those bytes.
            if (e.Kind is EventKinds.Recorded or EventKinds.Enriched && !HasContentHash(sha256, e.InvoiceBytes.Span, e.ContentHash))
            {
                Fail("event", stored.Index, stored.KeyText, $"Event {stored.Index} carries a content hash that its invoice does not have.");
            }
        }

        try
        {
            await foreach (var replayed in ProjectionReplay.ReplayAsync(store, tenant, range, Check, ct).ConfigureAwait(false))
            {
                if (hasRecord && string.CompareOrdinal(records.Current.Key, replayed.Key) < 0)
                {
                    Fail("invoice", records.Current.FirstIndex, records.Current.Key, $"Invoice {records.Current.Key} is in the projection but no event records it.");
                }

                if (!hasRecord || records.Current.Key != replayed.Key)
                {
                    Fail("invoice", replayed.FirstIndex, replayed.Key, $"Invoice {replayed.Key} is in the log but missing from the projection.");
                }

                if (records.Current.DifferencesFrom(replayed).Any())
                {
                    Fail("invoice", replayed.LastIndex, replayed.Key, $"Invoice {replayed.Key} differs from what its events make: {string.Join(", ", records.Current.DifferencesFrom(replayed))}.");
                }

                invoices++;
                hasRecord = await records.MoveNextAsync().ConfigureAwait(false);
            }
        }
        catch (ProjectionReplay.ReplayException ex)
        {
            Fail("event", ex.Index, ex.Key, ex.Message);
        }

        if (hasRecord)
        {
            Fail("invoice", records.Current.FirstIndex, records.Current.Key, $"Invoice {records.Current.Key} is in the projection but no event records it.");
        }

        return (seenEvents, invoices, decodedDigest, originals);
    }

    /// <summary>Whether <paramref name="contentHash"/> is the base64 SHA-256 of <paramref name="canonical"/> (as <see cref="Formats.Json.CanonicalInvoiceJson.ContentHash(ReadOnlySpan{byte})"/>), without a string or array per event.</summary>
    private static bool HasContentHash(ReusableSha256 sha256, ReadOnlySpan<byte> canonical, string? contentHash)
    {
        Span<byte> hash = stackalloc byte[32];
        sha256.Hash(canonical, hash);
        Span<char> text = stackalloc char[44];
        return Convert.TryToBase64Chars(hash, text, out var length) && text[..length].SequenceEqual(contentHash);
    }

    private static void Fail(string subject, long? index, string? key, string message) =>
        throw new Failed(new VerifyFailure(subject, index, key, message));
}
