namespace Fapiao.Sqlite;

/// <summary>
/// What the writer knows about one tenant's projection without asking SQLite: a filter of its
/// invoice keys and one of the blue keys its red letters name, true for the log head of
/// <see cref="Size"/>. A new key (most keys of a bulk ingest) then skips both lookups. Only the
/// writer uses it, under the write lock; it is trusted only while the head it finds in a write
/// transaction still has <see cref="Size"/>: another writer's events (another process) move the
/// head, and the filters are then read again. A write that is rolled back leaves extra entries,
/// which only cost an exact lookup.
/// </summary>
internal sealed class TenantKeys(long keys, long redLetters, long size)
{
    public KeyFilter Keys { get; } = new(Capacity(keys, MinKeys));

    public KeyFilter RedLetterOf { get; } = new(Capacity(redLetters, MinRedLetters));

    public long Size { get; set; } = size;

    public bool IsFull => Keys.IsFull || RedLetterOf.IsFull;

    /// <summary>The memory both filters take.</summary>
    public long Bytes => Keys.Bytes + RedLetterOf.Bytes;

    /// <summary>When a write transaction last used the filters (the store's count of them), for evicting the least recently used.</summary>
    public long LastUsed { get; set; }

    /// <summary>
    /// The smallest filters made (128 KiB and 8 KiB): a service with many small tenants keeps one
    /// pair each. A filter is made for four times what it holds when read, so a bulk ingest into a
    /// fresh tenant reads its keys again only a few times as it grows (64 Ki, 256 Ki, 1 Mi keys…),
    /// and a tenant of a million invoices holds 8 MiB.
    /// </summary>
    public const int MinKeys = 1 << 16;

    public const int MinRedLetters = 1 << 12;

    private static int Capacity(long count, int min) => (int)Math.Clamp(count * 4, min, int.MaxValue / 32);

    public void Add(string key, string? redLetterOf)
    {
        if (!Keys.MayContain(key))
        {
            Keys.Add(key);
        }

        if (redLetterOf is not null && !RedLetterOf.MayContain(redLetterOf))
        {
            RedLetterOf.Add(redLetterOf);
        }
    }
}
