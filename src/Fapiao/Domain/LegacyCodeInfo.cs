namespace Fapiao.Domain;

/// <summary>
/// The facts a legacy invoice code (发票代码) states about its invoice: the kind, and from it the
/// category and, for 12-digit codes, whether the invoice is electronic.
/// </summary>
/// <remarks>
/// The structure is a convention, not a guarantee: the real QR fixture's code 011002680026 has
/// kind digits 26 and year digits 26 on an invoice of 2020. So an unknown kind says nothing, and
/// the year and area digits are not read at all.
/// </remarks>
internal readonly record struct LegacyCodeInfo(LegacyCodeKind Kind)
{
    /// <summary>Special, ordinary or freight; unknown when the kind is.</summary>
    public InvoiceCategory Category => Kind switch
    {
        LegacyCodeKind.Special or LegacyCodeKind.ElectronicSpecial => InvoiceCategory.Special,
        LegacyCodeKind.Freight => InvoiceCategory.Freight,
        LegacyCodeKind.Unknown => InvoiceCategory.Unknown,
        _ => InvoiceCategory.Ordinary,
    };

    /// <summary>Electronic or paper where a 12-digit kind says so; null for 10-digit and unknown kinds.</summary>
    public bool? IsElectronic => Kind switch
    {
        LegacyCodeKind.ElectronicOrdinary or LegacyCodeKind.TollElectronicOrdinary or LegacyCodeKind.ElectronicSpecial => true,
        LegacyCodeKind.FoldedOrdinary or LegacyCodeKind.Roll => false,
        _ => null,
    };

    /// <summary>Reads the kind digits of a 10- or 12-digit code; any other text is of unknown kind.</summary>
    public static LegacyCodeInfo Read(ReadOnlySpan<char> code)
    {
        if (code.ContainsAnyExceptInRange('0', '9'))
        {
            return default;
        }

        LegacyCodeKind kind = code.Length switch
        {
            10 => code[7] switch
            {
                '1' or '5' => LegacyCodeKind.Special,
                '3' or '6' => LegacyCodeKind.Ordinary,
                '2' or '7' => LegacyCodeKind.Freight,
                _ => LegacyCodeKind.Unknown,
            },
            12 => code[10..] switch
            {
                "11" => LegacyCodeKind.ElectronicOrdinary,
                "12" => LegacyCodeKind.TollElectronicOrdinary,
                "13" => LegacyCodeKind.ElectronicSpecial,
                "04" or "05" => LegacyCodeKind.FoldedOrdinary,
                "06" or "07" => LegacyCodeKind.Roll,
                _ => LegacyCodeKind.Unknown,
            },
            _ => LegacyCodeKind.Unknown,
        };
        return new LegacyCodeInfo(kind);
    }

    /// <summary>
    /// True when <paramref name="type"/> says otherwise than this code: another category, or paper
    /// where the code says electronic (or the reverse). Types whose category is unknown (motor
    /// vehicle, used car) never contradict.
    /// </summary>
    public bool Contradicts(InvoiceType type)
    {
        if (Category == InvoiceCategory.Unknown || type.Category == InvoiceCategory.Unknown)
        {
            return false;
        }

        return Category != type.Category || (IsElectronic is bool electronic && electronic != type.IsElectronic);
    }
}
