namespace Fapiao.Sqlite;

/// <summary>
/// A Bloom filter of strings: <see cref="MayContain"/> is false only for a string never added, so a
/// lookup it rules out can be skipped; a true answer still needs the exact check. 16 bits and 4
/// probes per string give about 0.25% false positives at capacity. Not thread-safe: only the
/// writer, under the write lock, uses it.
/// </summary>
internal sealed class KeyFilter
{
    private const int BitsPerKey = 16;
    private const int Probes = 4;

    private readonly ulong[] bits;
    private readonly ulong mask;

    public KeyFilter(int capacity)
    {
        Capacity = Math.Max(capacity, 1024);
        var size = 64UL;
        while (size < (ulong)Capacity * BitsPerKey)
        {
            size <<= 1;
        }

        bits = new ulong[size / 64];
        mask = size - 1;
    }

    /// <summary>How many strings it was sized for; past that, false positives grow and it should be rebuilt bigger.</summary>
    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>The memory its bits take.</summary>
    public long Bytes => bits.LongLength * sizeof(ulong);

    public bool IsFull => Count > Capacity;

    public void Add(string value)
    {
        var (h1, h2) = Hash(value);
        for (var i = 0UL; i < Probes; i++)
        {
            var bit = (h1 + (i * h2)) & mask;
            bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        Count++;
    }

    public bool MayContain(string value)
    {
        var (h1, h2) = Hash(value);
        for (var i = 0UL; i < Probes; i++)
        {
            var bit = (h1 + (i * h2)) & mask;
            if ((bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FNV-1a over the UTF-16 code units, then a 64-bit finaliser; the two halves drive the probes.</summary>
    private static (ulong H1, ulong H2) Hash(string value)
    {
        unchecked
        {
            var h = 14695981039346656037UL;
            foreach (var c in value)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33;
            h *= 0xc4ceb9fe1a85ec53UL;
            h ^= h >> 33;
            return (h & 0xffffffffUL, (h >> 32) | 1UL);
        }
    }
}
