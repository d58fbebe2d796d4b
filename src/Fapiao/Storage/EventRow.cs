using System.Text;

namespace Fapiao.Storage;

/// <summary>
/// One stored event, for scans over a whole log (verify, rebuild): a single instance is refilled
/// for every row, its buffers reused, so a scan of a million events allocates next to nothing.
/// Everything it hands out is valid only until the scan moves on to the next row.
/// </summary>
internal sealed class EventRow
{
    private byte[] kind = new byte[16];
    private byte[] key = new byte[32];
    private byte[] bytes = new byte[2048];
    private readonly byte[] leafHash = new byte[32];
    private int kindLength, keyLength, bytesLength, leafHashLength;

    /// <summary>The event's place in the log.</summary>
    public long Index { get; private set; }

    /// <summary>The stored time column.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>False for an event stored without an invoice key.</summary>
    public bool HasKey { get; private set; }

    /// <summary>The stored kind column, UTF-8.</summary>
    public ReadOnlySpan<byte> Kind => kind.AsSpan(0, kindLength);

    /// <summary>The stored key column, UTF-8; empty when <see cref="HasKey"/> is false.</summary>
    public ReadOnlySpan<byte> Key => key.AsSpan(0, keyLength);

    /// <summary>The exact stored event bytes (what the leaf hash covers).</summary>
    public ReadOnlyMemory<byte> Bytes => bytes.AsMemory(0, bytesLength);

    /// <summary>The stored leaf hash.</summary>
    public ReadOnlySpan<byte> LeafHash => leafHash.AsSpan(0, leafHashLength);

    /// <summary>The key as text, for messages (allocates).</summary>
    public string? KeyText => HasKey ? Encoding.UTF8.GetString(Key) : null;

    /// <summary>The kind as text, for messages (allocates).</summary>
    public string KindText => Encoding.UTF8.GetString(Kind);

    /// <summary>Fills the row from a store's own buffers (copied).</summary>
    public void Set(long index, ReadOnlySpan<byte> kindUtf8, bool hasKey, ReadOnlySpan<byte> keyUtf8, DateTimeOffset at, ReadOnlySpan<byte> eventBytes, ReadOnlySpan<byte> leaf)
    {
        Index = index;
        At = at;
        HasKey = hasKey;
        kindLength = Copy(kindUtf8, ref kind);
        keyLength = hasKey ? Copy(keyUtf8, ref key) : 0;
        bytesLength = Copy(eventBytes, ref bytes);

        // A stored hash of the wrong length is kept short or cut, so that it compares unequal.
        leafHashLength = Math.Min(leaf.Length, leafHash.Length);
        leaf[..leafHashLength].CopyTo(leafHash);
        if (leaf.Length > leafHash.Length)
        {
            leafHashLength = 0;
        }
    }

    /// <summary>Fills the row from a <see cref="StoredEvent"/> (for stores that read whole records).</summary>
    public void Set(StoredEvent e)
    {
        Index = e.Index;
        At = e.At;
        HasKey = e.Key is not null;
        kindLength = Encode(e.Kind, ref kind);
        keyLength = e.Key is null ? 0 : Encode(e.Key, ref key);
        bytesLength = Copy(e.Bytes, ref bytes);
        leafHashLength = e.LeafHash.Length == leafHash.Length ? leafHash.Length : 0;
        e.LeafHash.AsSpan(0, leafHashLength).CopyTo(leafHash);
    }

    /// <summary>The row as a record of its own (allocates; for the rare paths that keep an event).</summary>
    public StoredEvent ToStoredEvent() =>
        new(Index, KindText, KeyText, At, Bytes.ToArray(), LeafHash.ToArray());

    /// <summary>Adapts a stream of whole records to rows: the default for stores without a scan of their own.</summary>
    public static async IAsyncEnumerable<EventRow> From(IAsyncEnumerable<StoredEvent> events)
    {
        var row = new EventRow();
        await foreach (var e in events.ConfigureAwait(false))
        {
            row.Set(e);
            yield return row;
        }
    }

    private static int Copy(ReadOnlySpan<byte> source, ref byte[] buffer)
    {
        if (source.Length > buffer.Length)
        {
            buffer = new byte[Math.Max(source.Length, buffer.Length * 2)];
        }

        source.CopyTo(buffer);
        return source.Length;
    }

    private static int Encode(string text, ref byte[] buffer)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > buffer.Length)
        {
            buffer = new byte[Math.Max(max, buffer.Length * 2)];
        }

        return Encoding.UTF8.GetBytes(text, buffer);
    }
}
