using System.Runtime.InteropServices;

namespace Fapiao.Reconciliation;

/// <summary>
/// One row as the reconciliation engine sorts and matches it, in 56 bytes: the packed key
/// (<see cref="ReconKey"/>), a 128-bit fingerprint of the compared fields (<see cref="FieldPrint"/>),
/// and where the row is, so that the few rows that differ can be read again in full
/// (<see cref="File"/>: which input of its side; <see cref="Offset"/>: its first byte there;
/// <see cref="Line"/>: the line it starts on). <see cref="InScope"/> says whether the row by itself
/// puts its key in the period (no date, or a date in it). Rows of one key sort in input order.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct ReconRow : IComparable<ReconRow>
{
    public const int MaxFiles = 1 << 16;
    public const long MaxOffset = (1L << 47) - 1;

    private readonly ulong place;

    public ReconRow(ulong k0, ulong k1, ulong k2, (ulong, ulong) print, int file, long offset, long line, bool inScope)
    {
        if ((uint)file >= MaxFiles || offset is < 0 or > MaxOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(file), "A side has at most 65,536 inputs of at most 128 TiB each.");
        }

        K0 = k0;
        K1 = k1;
        K2 = k2;
        (F0, F1) = print;
        place = ((ulong)file << 48) | ((ulong)offset << 1) | (inScope ? 1UL : 0UL);
        Line = line;
    }

    public ulong K0 { get; }
    public ulong K1 { get; }
    public ulong K2 { get; }
    public ulong F0 { get; }
    public ulong F1 { get; }
    public long Line { get; }

    public int File => (int)(place >> 48);
    public long Offset => (long)((place >> 1) & MaxOffset);
    public bool InScope => (place & 1) != 0;

    public string Key => ReconKey.Unpack(K0, K1, K2);

    public bool SameKey(in ReconRow other) => K0 == other.K0 && K1 == other.K1 && K2 == other.K2;

    public bool SameFields(in ReconRow other) => F0 == other.F0 && F1 == other.F1;

    /// <summary>By key (ordinal), then input order.</summary>
    public int CompareTo(ReconRow other) =>
        K0 != other.K0 ? K0.CompareTo(other.K0)
        : K1 != other.K1 ? K1.CompareTo(other.K1)
        : K2 != other.K2 ? K2.CompareTo(other.K2)
        : place.CompareTo(other.place);

    /// <summary>By key only.</summary>
    public int CompareKey(in ReconRow other) =>
        K0 != other.K0 ? K0.CompareTo(other.K0)
        : K1 != other.K1 ? K1.CompareTo(other.K1)
        : K2.CompareTo(other.K2);
}
