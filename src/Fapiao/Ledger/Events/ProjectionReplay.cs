using System.Runtime.CompilerServices;
using Fapiao.Storage;

namespace Fapiao.Ledger.Events;

/// <summary>
/// Folds a tenant's log, key by key, into projection rows: what verify compares the stored
/// projection with, and what rebuild writes in its place. Streams: one invoice's events at a time,
/// read as one reused <see cref="EventRow"/>.
/// </summary>
internal static class ProjectionReplay
{
    /// <summary>An event that cannot be read or folded, named by its place in the log and its stored key.</summary>
    internal sealed class ReplayException(long index, string? key, string message) : Exception(message)
    {
        public long Index { get; } = index;

        public string? Key { get; } = key;
    }

    /// <param name="store">The store to read.</param>
    /// <param name="tenant">The tenant whose log is folded.</param>
    /// <param name="range">The keys to fold (<see cref="KeyRange.All"/> for the whole log).</param>
    /// <param name="onEvent">Hears of every event with its decoded form, before it is folded; the row is valid only during the call.</param>
    /// <param name="ct">Cancels the replay.</param>
    public static async IAsyncEnumerable<InvoiceRecord> ReplayAsync(
        ILedgerStore store,
        string tenant,
        KeyRange range,
        Action<EventRow, LedgerEvent>? onEvent,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? key = null;
        InvoiceRecord? replayed = null;
        await foreach (var row in store.ScanEventsByKeyAsync(tenant, range, ct).ConfigureAwait(false))
        {
            var e = Decode(row);
            onEvent?.Invoke(row, e);
            if (e.Key != key)
            {
                if (replayed is not null)
                {
                    yield return replayed;
                }

                key = e.Key;
                replayed = null;
            }

            try
            {
                replayed = Projector.Apply(replayed, e, row.Index);
            }
            catch (InvalidOperationException ex)
            {
                throw new ReplayException(row.Index, row.KeyText, ex.Message);
            }
        }

        if (replayed is not null)
        {
            yield return replayed;
        }
    }

    private static LedgerEvent Decode(EventRow row)
    {
        try
        {
            return EventCodec.Decode(row.Bytes, validator: null);
        }
        catch (FormatException ex)
        {
            throw new ReplayException(row.Index, row.KeyText, $"Event {row.Index} cannot be read: {ex.Message}");
        }
    }
}
