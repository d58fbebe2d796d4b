using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Fapiao.Reconciliation;

/// <summary>
/// A 128-bit fingerprint of a row's compared fields after normalisation (the date as a day, tax
/// IDs and state as text, money as exact fen, or as an exact decimal when it has more places), so
/// that two rows agree when their fingerprints are equal and are compared field by field only
/// when they are not. Only the fields in the mask count: those both sides can state (a field one
/// side never states is never compared). Equal fields always give equal fingerprints; unequal
/// fields give equal ones with a chance of about 2^-128 per pair, and since the fingerprint is
/// SHA-256 (its first 128 bits), finding two rows that collide takes about 2^64 hashes: a file
/// cannot be crafted to hide a change.
/// </summary>
internal ref struct FieldPrint
{
    private readonly ReconFields mask;
    private readonly Span<byte> buffer;
    private int length;

    /// <summary>Room for every field at its largest (tax IDs are at most 64 characters).</summary>
    public const int BufferSize = 1024;

    public FieldPrint(ReconFields mask, Span<byte> buffer)
    {
        this.mask = mask;
        this.buffer = buffer;
        length = 0;
    }

    /// <summary>The fingerprint of a record read in full (the general path; the fast reader must agree with it).</summary>
    public static (ulong, ulong) Of(ReconRecord r, ReconFields mask)
    {
        var print = new FieldPrint(mask, stackalloc byte[BufferSize]);
        print.Date(r.IssueDate is { } d ? d.DayNumber : -1);
        print.Text(ReconFields.SellerTaxId, r.SellerTaxId);
        print.Text(ReconFields.BuyerTaxId, r.BuyerTaxId);
        print.Money(ReconFields.Amount, r.Amount);
        print.Money(ReconFields.Tax, r.Tax);
        print.Money(ReconFields.Total, r.Total);
        print.Text(ReconFields.State, r.State);
        return print.Finish();
    }

    /// <summary>The issue date as a day number; negative when the row states none.</summary>
    public void Date(int dayNumber)
    {
        if ((mask & ReconFields.IssueDate) != 0)
        {
            Put(dayNumber < 0 ? (byte)0 : (byte)1);
            Int(dayNumber);
        }
    }

    public void Text(ReconFields field, string? text)
    {
        if ((mask & field) == 0)
        {
            return;
        }

        if (text is null)
        {
            Put(0);
            return;
        }

        if (Encoding.UTF8.GetMaxByteCount(text.Length) > buffer.Length - length - 64)
        {
            // Longer than any field the readers let through: its own hash stands for it.
            var (a, b) = Hash(Encoding.UTF8.GetBytes(text));
            Put(2);
            Long(unchecked((long)a));
            Long(unchecked((long)b));
            return;
        }

        Put(1);
        Int(text.Length);
        length += Encoding.UTF8.GetBytes(text, buffer[length..]);
    }

    /// <summary>ASCII text as bytes (the fast reader's tax IDs): the same fingerprint as the string.</summary>
    public void Ascii(ReconFields field, ReadOnlySpan<byte> ascii, bool stated)
    {
        if ((mask & field) == 0)
        {
            return;
        }

        if (!stated)
        {
            Put(0);
            return;
        }

        Put(1);
        Int(ascii.Length);
        ascii.CopyTo(buffer[length..]);
        length += ascii.Length;
    }

    public void Money(ReconFields field, decimal? value)
    {
        if ((mask & field) == 0)
        {
            return;
        }

        if (value is not { } v)
        {
            Put(0);
        }
        else if (decimal.Round(v, 2) == v && Math.Abs(v) < 90_000_000_000_000_000m)
        {
            Put(1);
            Long(decimal.ToInt64(v * 100m));
        }
        else
        {
            // More than two places: the exact value with its trailing zeros dropped, so 1.2340 = 1.234.
            Put(3);
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(v / 1.000000000000000000000000000000000m, bits);
            foreach (var b in bits)
            {
                Int(b);
            }
        }
    }

    /// <summary>Money already read as fen (the fast reader); null when the row states none.</summary>
    public void Fen(ReconFields field, long? fen)
    {
        if ((mask & field) == 0)
        {
            return;
        }

        if (fen is { } f)
        {
            Put(1);
            Long(f);
        }
        else
        {
            Put(0);
        }
    }

    public readonly (ulong, ulong) Finish() => Hash(buffer[..length]);

    private void Put(byte b) => buffer[length++] = b;

    private void Int(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer[length..], value);
        length += 4;
    }

    private void Long(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer[length..], value);
        length += 8;
    }

    /// <summary>
    /// The first 128 bits of SHA-256: collision resistant, so an export cannot be crafted to pass a
    /// changed row off as matched (a non-cryptographic hash can be made to collide at will).
    /// </summary>
    internal static (ulong, ulong) Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, digest);
        return (BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }
}
