using Fapiao.Domain;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// The invoice type of an OFD invoice, from what the file states: the QR content it carries, the
/// type's name printed as the title, or the kind digits of a 12-digit electronic invoice code.
/// Nothing is guessed: when none of these says, the type stays absent and the validator asks for it.
/// </summary>
internal static class OfdInvoiceTypes
{
    /// <summary>The type field of QR content (<c>01,10,CODE,NUMBER,…</c>).</summary>
    public static string? FromQr(string? content)
    {
        var fields = content?.Split(',');
        return fields is { Length: > 2 } && InvoiceType.IsKnownCode(fields[1].Trim()) ? fields[1].Trim() : null;
    }

    /// <summary>A type's full Chinese name, e.g. 电子发票（增值税专用发票） → 31.</summary>
    public static string? FromName(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : InvoiceType.All.FirstOrDefault(t => t.ChineseName == trimmed) is { IsKnown: true } type ? type.Code : null;
    }

    /// <summary>The electronic kinds of a 12-digit code (…11 ordinary, …12 toll, …13 special); paper kinds do not come as OFD files.</summary>
    public static string? FromLegacyCode(string? code) => LegacyCodeInfo.Read(code).Kind switch
    {
        LegacyCodeKind.ElectronicOrdinary => InvoiceType.VatElectronicOrdinary.Code,
        LegacyCodeKind.TollElectronicOrdinary => InvoiceType.TollElectronicOrdinary.Code,
        LegacyCodeKind.ElectronicSpecial => InvoiceType.VatElectronicSpecial.Code,
        _ => null,
    };
}
