using System.Runtime.CompilerServices;
using Fapiao.Storage;

namespace Fapiao.Ledger.Events;

/// <summary>
/// Folds a tenant's whole log, key by key, into projection rows: what verify compares the stored
/// projection with, and what rebuild writes in its place. Streams: one invoice's events at a time.
/// </summary>
internal static class ProjectionReplay
{
    /// <summary>An event that cannot be read or folded, named by its place in the log.</summary>
    internal sealed class ReplayException(StoredEvent stored, string message) : Exception(message)
    {
        public StoredEvent Stored { get; } = stored;
    }

    public static async IAsyncEnumerable<InvoiceRecord> ReplayAsync(
        ILedgerStore store,
        string tenant,
        Action<StoredEvent, LedgerEvent>? onEvent,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? key = null;
        InvoiceRecord? replayed = null;
        await foreach (var stored in store.ReadEventsByKeyAsync(tenant, ct).ConfigureAwait(false))
        {
            var e = Decode(stored);
            onEvent?.Invoke(stored, e);
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
                replayed = Projector.Apply(replayed, e, stored.Index);
            }
            catch (InvalidOperationException ex)
            {
                throw new ReplayException(stored, ex.Message);
            }
        }

        if (replayed is not null)
        {
            yield return replayed;
        }
    }

    private static LedgerEvent Decode(StoredEvent stored)
    {
        try
        {
            return EventCodec.Decode(stored.Bytes, validator: null);
        }
        catch (FormatException ex)
        {
            throw new ReplayException(stored, $"Event {stored.Index} cannot be read: {ex.Message}");
        }
    }
}
