using System.Buffers.Binary;

namespace Fapiao.Reconciliation;

/// <summary>
/// An invoice key packed into three integers, so that rows sort and match without strings: up to
/// <see cref="MaxLength"/> printable ASCII characters (a 20-digit 数电 number, a legacy
/// <c>CODE-NUMBER</c> of 21), big-endian and zero-padded, so that comparing the integers in order
/// compares the keys ordinally. Any other key (longer, or not ASCII) does not pack; reconciliation
/// takes those rows on its general path (<see cref="ExternalSorter"/>).
/// </summary>
internal static class ReconKey
{
    public const int MaxLength = 24;

    public static bool TryPack(ReadOnlySpan<char> key, out ulong k0, out ulong k1, out ulong k2)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        k0 = k1 = k2 = 0;
        if (key.Length is 0 or > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] is < '!' or > '~')
            {
                return false;
            }

            bytes[i] = (byte)key[i];
        }

        return TryPack(bytes[..key.Length], out k0, out k1, out k2);
    }

    /// <summary>Packs ASCII bytes (printable, no space); false for anything else.</summary>
    public static bool TryPack(ReadOnlySpan<byte> key, out ulong k0, out ulong k1, out ulong k2)
    {
        k0 = k1 = k2 = 0;
        if (key.Length is 0 or > MaxLength || key.ContainsAnyExceptInRange((byte)'!', (byte)'~'))
        {
            return false;
        }

        Span<byte> padded = stackalloc byte[MaxLength];
        padded.Clear();
        key.CopyTo(padded);
        k0 = BinaryPrimitives.ReadUInt64BigEndian(padded);
        k1 = BinaryPrimitives.ReadUInt64BigEndian(padded[8..]);
        k2 = BinaryPrimitives.ReadUInt64BigEndian(padded[16..]);
        return true;
    }

    public static string Unpack(ulong k0, ulong k1, ulong k2)
    {
        Span<byte> padded = stackalloc byte[MaxLength];
        BinaryPrimitives.WriteUInt64BigEndian(padded, k0);
        BinaryPrimitives.WriteUInt64BigEndian(padded[8..], k1);
        BinaryPrimitives.WriteUInt64BigEndian(padded[16..], k2);
        var length = padded.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(length < 0 ? padded : padded[..length]);
    }
}
