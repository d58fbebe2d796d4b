using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using Fapiao.Domain;

namespace Fapiao.Formats.Exports;

/// <summary>
/// The platform export's 发票票种 text to the QR type code of DOMAIN.md. The platform names 数电
/// kinds 数电票（…） or 电子发票（…）; the bare 专用发票 / 普通发票 are its short names for the 数电
/// kinds (legacy kinds are always written with their 增值税 prefix). A two-digit type code (the
/// ledger's own export) and the platform's ticket-kind codes 81 / 82 are read too.
/// </summary>
internal static class PlatformInvoiceKinds
{
    /// <summary>An export repeats a handful of kind texts on every row: their answers are kept, up to this many.</summary>
    private const int MaxRemembered = 256;

    private static readonly FrozenDictionary<string, InvoiceType> ByName = Names().DistinctBy(p => p.Key).ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string?> Remembered = new(StringComparer.Ordinal);

    /// <summary>The two-digit type code for the text, or null when it is not a kind the reader knows.</summary>
    public static string? ToTypeCode(string text)
    {
        if (Remembered.TryGetValue(text, out var code))
        {
            return code;
        }

        code = Look(text);
        if (Remembered.Count < MaxRemembered)
        {
            Remembered.TryAdd(text, code);
        }

        return code;
    }

    private static string? Look(string text)
    {
        var key = Normalize(text);
        if (InvoiceType.TryParse(key, out var type) || ByName.TryGetValue(key, out type))
        {
            return type.Code;
        }

        return int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kind)
            && Enum.IsDefined((PlatformTicketKind)kind)
            && InvoiceType.TryFromPlatformKind((PlatformTicketKind)kind, out type)
            ? type.Code
            : null;
    }

    private static IEnumerable<KeyValuePair<string, InvoiceType>> Names()
    {
        foreach (var type in InvoiceType.All)
        {
            yield return new(Normalize(type.ChineseName), type);
            if (type.IsShudian)
            {
                // 电子发票（增值税专用发票） is also written 数电票（增值税专用发票） and 全电发票（…）.
                var inner = type.ChineseName["电子发票".Length..];
                yield return new(Normalize("数电票" + inner), type);
                yield return new(Normalize("全电发票" + inner), type);
                yield return new(Normalize("数电发票" + inner), type);
            }
        }

        yield return new(Normalize("专用发票"), InvoiceType.ShudianSpecial);
        yield return new(Normalize("普通发票"), InvoiceType.ShudianOrdinary);
        yield return new(Normalize("数电票（专用发票）"), InvoiceType.ShudianSpecial);
        yield return new(Normalize("增值税电子普通发票（通行费）"), InvoiceType.TollElectronicOrdinary);
        yield return new(Normalize("增值税普通发票（卷式）"), InvoiceType.Roll);
        yield return new(Normalize("增值税普通发票（折叠票）"), InvoiceType.VatOrdinary);
    }

    /// <summary>Full-width brackets and spaces to ASCII (NFKC), white space removed.</summary>
    private static string Normalize(string text)
    {
        string normal;
        try
        {
            normal = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }

        return string.Concat(normal.Where(c => !char.IsWhiteSpace(c)));
    }
}
