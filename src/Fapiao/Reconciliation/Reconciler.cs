namespace Fapiao.Reconciliation;

/// <summary>
/// Compares two sides sorted by key in one pass (compact rows from <see cref="RowSorter"/>, then
/// the rows whose keys do not pack, from <see cref="ExternalSorter"/>): the rows of each key, on
/// both sides, are taken together and put in exactly one class. Only differences are
/// kept; matched invoices are counted, so memory grows with the differences, not the inputs. With
/// a period, a key is in scope when any of its rows was issued in it (a date changed across the
/// period's edge is a mismatch, not a missing invoice); rows without a date are always in scope.
/// </summary>
internal sealed class Reconciler(DatePeriod? period = null)
{
    private readonly List<ReconRecord> missingInLedger = [];
    private readonly List<ReconRecord> missingInOther = [];
    private readonly List<Mismatch> mismatched = [];
    private readonly List<Duplicate> duplicates = [];
    private long matched;
    private long leftCount;
    private long rightCount;
    private bool general;

    public ReconciliationResult Run(IEnumerable<ReconRecord> leftSorted, IEnumerable<ReconRecord> rightSorted, ReconSide left, ReconSide right, IReadOnlyList<UnreadableRow> unreadable) =>
        RunAsync(leftSorted.ToAsyncEnumerable(), rightSorted.ToAsyncEnumerable(), left, right, unreadable, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>The same over asynchronous streams (the ledger's side comes from the store in key order).</summary>
    public async ValueTask<ReconciliationResult> RunAsync(IAsyncEnumerable<ReconRecord> leftSorted, IAsyncEnumerable<ReconRecord> rightSorted, ReconSide left, ReconSide right, IReadOnlyList<UnreadableRow> unreadable, CancellationToken ct)
    {
        await MergeAsync(leftSorted, rightSorted, ct).ConfigureAwait(false);
        return Result(left, right, unreadable);
    }

    /// <summary>
    /// Classifies two sides of compact rows in key order. A key with one row a side whose
    /// fingerprints agree is matched without reading either row again; any other key has its rows
    /// read in full and classified as records are.
    /// </summary>
    public async ValueTask MergeAsync(IRowCursor left, IRowCursor right, CancellationToken ct)
    {
        var l = new List<ReconRow>();
        var r = new List<ReconRow>();
        var lHas = await left.MoveNextAsync().ConfigureAwait(false);
        var rHas = await right.MoveNextAsync().ConfigureAwait(false);
        while (lHas || rHas)
        {
            ct.ThrowIfCancellationRequested();
            var order = !lHas ? 1 : !rHas ? -1 : left.Current.CompareKey(right.Current);
            l.Clear();
            r.Clear();
            if (order <= 0)
            {
                lHas = await GroupAsync(left, l).ConfigureAwait(false);
            }

            if (order >= 0)
            {
                rHas = await GroupAsync(right, r).ConfigureAwait(false);
            }

            Classify(l, r, left, right);
        }
    }

    /// <summary>Classifies two sides of records sorted by key (the rows whose keys do not pack), after or instead of the compact rows.</summary>
    public async ValueTask MergeAsync(IAsyncEnumerable<ReconRecord> leftSorted, IAsyncEnumerable<ReconRecord> rightSorted, CancellationToken ct)
    {
        await using var l = new KeyGroups(leftSorted, ct);
        await using var r = new KeyGroups(rightSorted, ct);
        await l.AdvanceAsync().ConfigureAwait(false);
        await r.AdvanceAsync().ConfigureAwait(false);
        if (l.Current is not null || r.Current is not null)
        {
            general = true;
        }

        while (l.Current is not null || r.Current is not null)
        {
            var order = l.Current is null ? 1 : r.Current is null ? -1 : string.CompareOrdinal(l.Key, r.Key);
            if (order < 0)
            {
                Classify(l.Current!, []);
                await l.AdvanceAsync().ConfigureAwait(false);
            }
            else if (order > 0)
            {
                Classify([], r.Current!);
                await r.AdvanceAsync().ConfigureAwait(false);
            }
            else
            {
                Classify(l.Current!, r.Current!);
                await l.AdvanceAsync().ConfigureAwait(false);
                await r.AdvanceAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>What both merges found, every list in key order.</summary>
    public ReconciliationResult Result(ReconSide left, ReconSide right, IReadOnlyList<UnreadableRow> unreadable)
    {
        if (general)
        {
            // Rows whose keys pack and rows whose keys do not were merged apart (they never share a key): one order again.
            missingInLedger.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            missingInOther.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            mismatched.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            duplicates.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        var suggestions = SuggestionFinder.Find(missingInOther, missingInLedger, out var skipped);
        return new ReconciliationResult
        {
            Left = left with { Count = leftCount, Unreadable = unreadable.LongCount(u => u.Side == "left") },
            Right = right with { Count = rightCount, Unreadable = unreadable.LongCount(u => u.Side == "right") },
            Period = period,
            Matched = matched,
            MissingInLedger = missingInLedger,
            MissingInOther = missingInOther,
            Mismatched = mismatched,
            Duplicates = duplicates,
            Suggestions = suggestions,
            SuggestionsSkipped = skipped,
            Unreadable = unreadable,
        };
    }

    /// <summary>The rows of the key at the cursor; false when the cursor has no row after them.</summary>
    private static async ValueTask<bool> GroupAsync(IRowCursor cursor, List<ReconRow> group)
    {
        var first = cursor.Current;
        group.Add(first);
        bool more;
        while ((more = await cursor.MoveNextAsync().ConfigureAwait(false)) && cursor.Current.SameKey(first))
        {
            group.Add(cursor.Current);
        }

        if (more && cursor.Current.CompareKey(first) < 0)
        {
            throw new InvalidOperationException($"The input is not sorted by key: {cursor.Current.Key} after {first.Key}.");
        }

        return more;
    }

    private void Classify(List<ReconRow> left, List<ReconRow> right, IRowCursor leftCursor, IRowCursor rightCursor)
    {
        if (period is not null && !left.Exists(x => x.InScope) && !right.Exists(x => x.InScope))
        {
            return;
        }

        if (left.Count == 1 && right.Count == 1 && left[0].SameFields(right[0]))
        {
            leftCount++;
            rightCount++;
            matched++;
            return;
        }

        Place(left.ConvertAll(x => leftCursor.Materialize(x)), right.ConvertAll(x => rightCursor.Materialize(x)));
    }

    private void Classify(List<ReconRecord> left, List<ReconRecord> right)
    {
        if (period is not null && !left.Concat(right).Any(x => x.IssueDate is not { } d || period.Contains(d)))
        {
            return;
        }

        Place(left, right);
    }

    /// <summary>Puts the rows of one key in scope in their class.</summary>
    private void Place(List<ReconRecord> left, List<ReconRecord> right)
    {
        leftCount += left.Count;
        rightCount += right.Count;
        if (left.Count > 1 || right.Count > 1)
        {
            duplicates.Add(new Duplicate((left.Count > 0 ? left : right)[0].Key, [.. left], [.. right]));
        }
        else if (right.Count == 0)
        {
            missingInOther.Add(left[0]);
        }
        else if (left.Count == 0)
        {
            missingInLedger.Add(right[0]);
        }
        else if (RecordComparer.Differences(left[0], right[0]) is { Count: > 0 } fields)
        {
            mismatched.Add(new Mismatch(left[0].Key, fields, left[0], right[0]));
        }
        else
        {
            matched++;
        }
    }

    /// <summary>Reads a sorted stream one key at a time; the list is reused, so a caller copies what it keeps.</summary>
    private sealed class KeyGroups(IAsyncEnumerable<ReconRecord> sorted, CancellationToken ct) : IAsyncDisposable
    {
        private readonly IAsyncEnumerator<ReconRecord> e = sorted.GetAsyncEnumerator(ct);
        private readonly List<ReconRecord> group = [];
        private ReconRecord? next;
        private bool started;
        private string? previousKey;

        public List<ReconRecord>? Current { get; private set; }

        public string Key => group[0].Key;

        public async ValueTask AdvanceAsync()
        {
            if (!started)
            {
                started = true;
                next = await e.MoveNextAsync().ConfigureAwait(false) ? e.Current : null;
            }

            group.Clear();
            if (next is null)
            {
                Current = null;
                return;
            }

            if (previousKey is not null && string.CompareOrdinal(previousKey, next.Key) >= 0)
            {
                throw new InvalidOperationException($"The input is not sorted by key: {next.Key} after {previousKey}.");
            }

            previousKey = next.Key;
            group.Add(next);
            while ((next = await e.MoveNextAsync().ConfigureAwait(false) ? e.Current : null) is not null && next.Key == group[0].Key)
            {
                group.Add(next);
            }

            Current = group;
        }

        public ValueTask DisposeAsync() => e.DisposeAsync();
    }
}
