namespace Fapiao.Reconciliation;

/// <summary>
/// The ledger's side as compact rows, streamed from the store in key order: nothing is sorted or
/// written; the records of the key being classified are kept until it is done
/// (<see cref="IRowCursor.Release"/>). Records whose key does not pack go to <paramref name="unpacked"/>.
/// </summary>
internal sealed class LedgerCursor(IAsyncEnumerable<ReconRecord> records, ReconFields compared, DatePeriod? period, Action<ReconRecord> unpacked, CancellationToken ct) : IRowCursor
{
    private readonly IAsyncEnumerator<ReconRecord> e = records.GetAsyncEnumerator(ct);
    private readonly Dictionary<long, ReconRecord> kept = [];
    private long sequence;

    public ReconRow Current { get; private set; }

    public async ValueTask<bool> MoveNextAsync()
    {
        while (await e.MoveNextAsync().ConfigureAwait(false))
        {
            var r = e.Current;
            if (!ReconKey.TryPack(r.Key, out var k0, out var k1, out var k2))
            {
                unpacked(r);
                continue;
            }

            Current = new ReconRow(k0, k1, k2, FieldPrint.Of(r, compared), 0, sequence, 0, CsvSide.InScope(r.IssueDate, period));
            kept[sequence++] = r;
            return true;
        }

        return false;
    }

    public ReconRecord Materialize(in ReconRow row) => kept[row.Offset];

    public void Release()
    {
        // Only the row after the key just classified (the cursor's current one) is still needed.
        if (kept.Count > 1)
        {
            var current = kept.TryGetValue(Current.Offset, out var r) ? r : null;
            kept.Clear();
            if (current is not null)
            {
                kept[Current.Offset] = current;
            }
        }
    }

    public void Dispose() => e.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
