namespace Fapiao.Reconciliation;

/// <summary>Writes and reads records in a compact binary form, for the sorted runs kept in temporary files.</summary>
internal static class RecordCodec
{
    public static void Write(BinaryWriter w, ReconRecord r)
    {
        w.Write(r.Key);
        w.Write(r.Source);
        var flags = (r.IssueDate is null ? 0 : 1) | (r.SellerTaxId is null ? 0 : 2) | (r.BuyerTaxId is null ? 0 : 4)
            | (r.Amount is null ? 0 : 8) | (r.Tax is null ? 0 : 16) | (r.Total is null ? 0 : 32) | (r.State is null ? 0 : 64);
        w.Write((byte)flags);
        if (r.IssueDate is { } d) w.Write(d.DayNumber);
        if (r.SellerTaxId is { } s) w.Write(s);
        if (r.BuyerTaxId is { } b) w.Write(b);
        if (r.Amount is { } a) w.Write(a);
        if (r.Tax is { } t) w.Write(t);
        if (r.Total is { } total) w.Write(total);
        if (r.State is { } state) w.Write(state);
    }

    public static ReconRecord Read(BinaryReader r)
    {
        var key = r.ReadString();
        var source = r.ReadString();
        var flags = r.ReadByte();
        return new ReconRecord(
            key,
            source,
            (flags & 1) != 0 ? DateOnly.FromDayNumber(r.ReadInt32()) : null,
            (flags & 2) != 0 ? r.ReadString() : null,
            (flags & 4) != 0 ? r.ReadString() : null,
            (flags & 8) != 0 ? r.ReadDecimal() : null,
            (flags & 16) != 0 ? r.ReadDecimal() : null,
            (flags & 32) != 0 ? r.ReadDecimal() : null,
            (flags & 64) != 0 ? r.ReadString() : null);
    }
}
