using Fapiao.Ledger.Events;
using Fapiao.Storage;

namespace Fapiao.Originals;

/// <summary>An event of an invoice that names a kept original: its index, kind, time and the original.</summary>
internal sealed record EventOriginal(long Index, string Kind, DateTimeOffset At, OriginalRef Original)
{
    /// <summary>The originals named by the invoice's events, in log order (events from before originals were kept name none).</summary>
    public static async Task<IReadOnlyList<EventOriginal>> ForKeyAsync(ILedgerStore store, string tenant, string key, CancellationToken ct)
    {
        var found = new List<EventOriginal>();
        await foreach (var stored in store.ReadEventsForKeyAsync(tenant, key, ct).ConfigureAwait(false))
        {
            if (EventCodec.Provenance(stored.Bytes).Original is { } original)
            {
                found.Add(new EventOriginal(stored.Index, stored.Kind, stored.At, original));
            }
        }

        return found;
    }
}
