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
internal sealed class TenantKeys(int capacity, long size)
{
    public KeyFilter Keys { get; } = new(capacity);

    public KeyFilter RedLetterOf { get; } = new(capacity);

    public long Size { get; set; } = size;

    public bool IsFull => Keys.IsFull || RedLetterOf.IsFull;

    /// <summary>The smallest filter made; a bigger tenant gets twice its invoice count, so that it can grow before a reload.</summary>
    public const int MinCapacity = 1 << 20;

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
