using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Ledger;
using Fapiao.Ledger.Events;
using Fapiao.Ledger.Signing;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ingest;

/// <summary>
/// Decides and writes one group commit for one tenant, inside one write transaction: looks up the
/// keys it touches in one round trip, applies the ingest semantics item by item (later items see
/// earlier ones), appends events to the Merkle tree in memory, signs the new head, and hands the
/// store everything at once. Nothing is reported before the commit.
/// </summary>
internal sealed partial class TenantBatch
{
    private readonly ILedgerWriteTransaction tx;
    private readonly string tenant;
    private readonly InvoiceValidator validator;
    private readonly DateTimeOffset now;
    private readonly AppendingTree tree;
    private readonly BatchWrite write;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> pendingReds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, StoredEvent> appended = [];
    private long nextQuarantineId;
    private byte[]? nowText;
    private readonly Dictionary<long, QuarantineResolution> resolutions = [];

    private sealed class Entry(InvoiceRecord record, Invoice? content)
    {
        public InvoiceRecord Record { get; set; } = record;
        public Invoice? Content { get; set; } = content;
        public bool Dirty { get; set; }
    }

    public TenantBatch(ILedgerWriteTransaction tx, string tenant, InvoiceValidator validator, DateTimeOffset now)
    {
        this.tx = tx;
        this.tenant = tenant;
        this.validator = validator;
        this.now = now;
        var head = tx.Head;
        tree = new AppendingTree(MerkleFrontier.FromBytes(head.Size, head.Frontier));
        write = new BatchWrite { Head = head };
        nextQuarantineId = head.NextQuarantineId;
    }

    public long TreeSize => tree.Size;

    public INodeSource Tree => tree;

    /// <summary>Decides every item in order and writes the batch; the caller commits.</summary>
    public async Task<List<IngestResult>> RunAsync(IReadOnlyList<WriteItem> items, CheckpointSigner signer, CancellationToken ct)
    {
        await PreloadAsync(items, ct).ConfigureAwait(false);
        var results = new List<IngestResult>(items.Count);
        foreach (var item in items)
        {
            var result = await DecideAsync(item, ct).ConfigureAwait(false);
            result = item.Submission.PlatformStatus is { } status && result.Key is { } key && entries.TryGetValue(key, out var entry)
                && result.Outcome is IngestOutcome.Accepted or IngestOutcome.Duplicate or IngestOutcome.Enriched
                ? ApplyPlatformStatus(item, entry, status, result)
                : result;
            results.Add(item.Resolves is { } quarantineId ? await ResolveAsync(item, quarantineId, result, ct).ConfigureAwait(false) : result);
        }

        if (write.Events.Count > 0)
        {
            write.Checkpoint = signer.Sign(tenant, tree.Size, tree.Root(), now);
            write.Nodes.AddRange(tree.NewNodesAtLevels(MerkleLayout.Stride));
        }

        write.Invoices.AddRange(entries.Values.Where(e => e.Dirty).Select(e => e.Record));
        write.Head = new LogHead(tree.Size, tree.Frontier.ToBytes(), nextQuarantineId);
        write.Resolutions.AddRange(resolutions.Values);
        if (!write.IsEmpty)
        {
            await tx.WriteAsync(write, ct).ConfigureAwait(false);
        }

        return results;
    }

    public SignedCheckpoint? NewCheckpoint => write.Checkpoint;

    public StoredEvent? AppendedEvent(long index) => appended.GetValueOrDefault(index);

    private async Task PreloadAsync(IReadOnlyList<WriteItem> items, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Submission.Invoice is { } invoice)
            {
                keys.Add(item.Recorded?.Key ?? invoice.Key.ToString());
                if (invoice.RedLetterOf is { } blue)
                {
                    keys.Add(blue.ToString());
                }
            }
        }

        if (keys.Count == 0)
        {
            return;
        }

        var existing = await tx.GetInvoicesAsync(keys, ct).ConfigureAwait(false);
        foreach (var (key, record) in existing)
        {
            entries[key] = new Entry(record, null);
        }

        var newKeys = keys.Where(k => !existing.ContainsKey(k)).ToList();
        if (newKeys.Count > 0)
        {
            foreach (var red in await tx.GetRedLettersOfAsync(newKeys, ct).ConfigureAwait(false))
            {
                entries.TryAdd(red.Key, new Entry(red, null));
                AddPending(red.RedLetterOf!, red.Key);
            }
        }
    }

    private async Task<IngestResult> DecideAsync(WriteItem item, CancellationToken ct)
    {
        var submission = item.Submission;
        if (submission.Invoice is not { } invoice)
        {
            return Quarantine(item, IngestOutcome.Rejected, submission.Key, submission.Problems);
        }

        var key = item.Recorded?.Key ?? invoice.Key.ToString();
        if (!entries.TryGetValue(key, out var entry))
        {
            return Record(item, invoice, key);
        }

        // Same content hash, same canonical bytes: a duplicate, without reading the recorded
        // invoice back from its event (a whole file submitted again is mostly these).
        if (submission.ContentHash is { } hash && hash == entry.Record.ContentHash)
        {
            return Duplicate(item, entry, key);
        }

        var current = await ContentAsync(entry, ct).ConfigureAwait(false);
        var merge = InvoiceMerge.Compare(current, invoice);
        if (merge.Differences.Count > 0)
        {
            var problems = merge.Differences
                .Select(d => Problem.Error(ErrorCodes.Conflict, d.Field, $"The ledger has \"{d.Ledger}\"; this submission has \"{d.Submitted}\". The record is unchanged."))
                .Concat(submission.Problems)
                .ToList();
            return Quarantine(item, IngestOutcome.Conflict, key, problems);
        }

        return merge.Added.Count == 0 ? Duplicate(item, entry, key) : Enrich(item, entry, merge, key);
    }

    /// <summary>The item's content is the record's already: nothing is written, the record's receipt is its answer.</summary>
    private static IngestResult Duplicate(WriteItem item, Entry entry, string key) =>
        new(item.Submission.Source, key, IngestOutcome.Duplicate, item.Submission.Problems, entry.Record.ContentIndex);

    private IngestResult Record(WriteItem item, Invoice invoice, string key)
    {
        var problems = new List<Problem>(item.Submission.Problems);
        Entry? blue = null;
        if (invoice.RedLetterOf is { } original)
        {
            var check = CheckRed(invoice, original.ToString(), problems, out blue);
            if (!check)
            {
                return Quarantine(item, IngestOutcome.Rejected, key, problems);
            }
        }

        var canonical = item.Submission.CanonicalBytes ?? CanonicalInvoiceJson.ToBytes(invoice);
        var e = RecordedEventDraft.Event(tenant, key, now, item, invoice, canonical, item.Submission.ContentHash ?? CanonicalInvoiceJson.ContentHash(canonical), Warnings(problems));
        // The draft is this very event when the batch added no problem (a red letter's warning would).
        var draft = item.Recorded is { } d && d.Tenant == tenant && d.Actor == item.Actor && d.Key == key && problems.Count == item.Submission.Problems.Count ? d : null;
        var index = Append(e, null, invoice, draft?.WithTime(nowText ??= RecordedEventDraft.FormatTime(now)));

        if (invoice.RedLetterOf is { } blueKey)
        {
            if (blue is null)
            {
                AddPending(blueKey.ToString(), key);
            }
            else
            {
                Reverse(blue, entries[key].Record, item, []);
            }
        }
        else
        {
            ApplyPendingReds(key, item);
        }

        return new IngestResult(item.Submission.Source, key, IngestOutcome.Accepted, problems, index);
    }

    private IngestResult Enrich(WriteItem item, Entry entry, InvoiceMerge.Result merge, string key)
    {
        var problems = new List<Problem>(item.Submission.Problems);
        var wasRed = entry.Content!.IsRed;
        Entry? blue = null;
        if (!wasRed && merge.Merged.RedLetterOf is { } original && !CheckRed(merge.Merged, original.ToString(), problems, out blue))
        {
            return Quarantine(item, IngestOutcome.Rejected, key, problems);
        }

        var canonical = CanonicalInvoiceJson.ToBytes(merge.Merged);
        var index = Append(new LedgerEvent
        {
            Kind = EventKinds.Enriched,
            Tenant = tenant,
            Key = key,
            At = now,
            Actor = item.Actor,
            Source = item.Submission.Source,
            Original = item.Submission.Original,
            ContentHash = CanonicalInvoiceJson.ContentHash(canonical),
            Invoice = merge.Merged,
            InvoiceBytes = canonical,
            Added = merge.Added,
            Warnings = Warnings(problems),
        }, entry, merge.Merged);

        if (!wasRed && merge.Merged.RedLetterOf is { } blueKey)
        {
            if (blue is null)
            {
                AddPending(blueKey.ToString(), key);
            }
            else
            {
                Reverse(blue, entry.Record, item, []);
            }
        }

        return new IngestResult(item.Submission.Source, key, IngestOutcome.Enriched, problems, index);
    }

    private IngestResult Quarantine(WriteItem item, IngestOutcome outcome, string? key, IReadOnlyList<Problem> problems)
    {
        var submission = item.Submission;
        var id = nextQuarantineId++;
        write.Quarantine.Add(new QuarantineItem
        {
            Id = id,
            Outcome = outcome.ToText(),
            Source = submission.Source,
            At = now,
            Actor = item.Actor,
            Key = key,
            Raw = submission.Raw,
            RawLength = submission.RawLength,
            RawSha256 = submission.Sha256(),
            Problems = problems,
            Original = submission.Original,
        });
        return new IngestResult(submission.Source, key, outcome, problems, QuarantineId: id);
    }

    /// <summary>Appends an event to the log and folds it into the invoice's projection; <paramref name="encoded"/> is its bytes where they were made ahead.</summary>
    private long Append(LedgerEvent e, Entry? entry, Invoice? content, byte[]? encoded = null)
    {
        var bytes = encoded ?? EventCodec.Encode(e);
        var leaf = MerkleHash.Leaf(bytes);
        var index = tree.Size;
        tree.Append(leaf);
        var stored = new StoredEvent(index, e.Kind, e.Key, e.At, bytes, leaf);
        write.Events.Add(stored);
        appended[index] = stored;

        var record = Projector.Apply(entry?.Record, e, index);
        if (entry is null)
        {
            entry = new Entry(record, content);
            entries[e.Key!] = entry;
        }
        else
        {
            entry.Record = record;
            entry.Content = content ?? entry.Content;
        }

        entry.Dirty = true;
        return index;
    }

    private async ValueTask<Invoice> ContentAsync(Entry entry, CancellationToken ct)
    {
        if (entry.Content is null)
        {
            var stored = await tx.GetEventAsync(entry.Record.ContentIndex, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The projection of {entry.Record.Key} points at event {entry.Record.ContentIndex}, which does not exist: run verify.");
            entry.Content = EventCodec.Decode(stored.Bytes, validator).Invoice;
        }

        return entry.Content!;
    }

    private void AddPending(string blueKey, string redKey)
    {
        if (!pendingReds.TryGetValue(blueKey, out var reds))
        {
            pendingReds[blueKey] = reds = [];
        }

        reds.Add(redKey);
    }

    private static IReadOnlyList<Problem> Warnings(List<Problem> problems) => RecordedEventDraft.Warnings(problems);
}
