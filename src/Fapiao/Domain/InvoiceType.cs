using System.Globalization;

namespace Fapiao.Domain;

/// <summary>
/// An invoice type by its two-digit code as the QR code writes it (01 VAT special, 10 VAT
/// electronic ordinary, 31 数电 special, …). Only the known codes can be made; <c>default</c> is
/// an unknown type whose facts are all false.
/// </summary>
internal readonly record struct InvoiceType
{
    private readonly byte _value;

    private InvoiceType(byte value) => _value = value;

    public static InvoiceType VatSpecial => new(1);
    public static InvoiceType FreightSpecial => new(2);
    public static InvoiceType MotorVehicle => new(3);
    public static InvoiceType VatOrdinary => new(4);
    public static InvoiceType VatElectronicOrdinary => new(10);
    public static InvoiceType Roll => new(11);
    public static InvoiceType TollElectronicOrdinary => new(14);
    public static InvoiceType UsedCar => new(15);
    public static InvoiceType VatElectronicSpecial => new(20);
    public static InvoiceType ShudianSpecial => new(31);
    public static InvoiceType ShudianOrdinary => new(32);
    public static InvoiceType ShudianMotorVehicle => new(33);
    public static InvoiceType ShudianUsedCar => new(34);

    /// <summary>Every known type, in code order.</summary>
    public static IReadOnlyList<InvoiceType> All { get; } =
    [
        VatSpecial, FreightSpecial, MotorVehicle, VatOrdinary, VatElectronicOrdinary, Roll,
        TollElectronicOrdinary, UsedCar, VatElectronicSpecial, ShudianSpecial, ShudianOrdinary,
        ShudianMotorVehicle, ShudianUsedCar,
    ];

    /// <summary>The two-digit code, e.g. <c>01</c>.</summary>
    public string Code => _value.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>False only for <c>default</c>.</summary>
    public bool IsKnown => ChineseName.Length > 0;

    /// <summary>A 数电票 (fully digitalised e-invoice), types 31–34: a 20-digit number, no code.</summary>
    public bool IsShudian => _value is >= 31 and <= 34;

    /// <summary>An electronic invoice (10, 14, 20, 31–34): it cannot be voided, only reversed.</summary>
    public bool IsElectronic => _value is 10 or 14 or 20 || IsShudian;

    /// <summary>A paper invoice, which can be voided (作废). False for an unknown type.</summary>
    public bool CanBeVoided => IsKnown && !IsElectronic;

    /// <summary>A special invoice (01, 02, 20, 31): the buyer may deduct its input VAT.</summary>
    public bool IsSpecial => _value is 1 or 2 or 20 or 31;

    /// <summary>
    /// Carries no check code (校验码): special invoices and 数电票. DOMAIN.md says which carry one
    /// only as "ordinary invoices", so the opposite fact is not offered.
    /// </summary>
    public bool LacksCheckCode => IsSpecial || IsShudian;

    /// <summary>Special, ordinary or freight; unknown for motor vehicle and used car invoices.</summary>
    public InvoiceCategory Category => _value switch
    {
        2 => InvoiceCategory.Freight,
        1 or 20 or 31 => InvoiceCategory.Special,
        4 or 10 or 11 or 14 or 32 => InvoiceCategory.Ordinary,
        _ => InvoiceCategory.Unknown,
    };

    public string ChineseName => _value switch
    {
        1 => "增值税专用发票",
        2 => "货物运输业增值税专用发票",
        3 => "机动车销售统一发票",
        4 => "增值税普通发票",
        10 => "增值税电子普通发票",
        11 => "增值税普通发票（卷票）",
        14 => "增值税电子普通发票（通行费）",
        15 => "二手车销售统一发票",
        20 => "增值税电子专用发票",
        31 => "电子发票（增值税专用发票）",
        32 => "电子发票（普通发票）",
        33 => "电子发票（机动车销售统一发票）",
        34 => "电子发票（二手车销售统一发票）",
        _ => string.Empty,
    };

    public string EnglishName => _value switch
    {
        1 => "VAT special invoice",
        2 => "freight transport VAT special invoice",
        3 => "motor vehicle sales invoice",
        4 => "VAT ordinary invoice",
        10 => "VAT electronic ordinary invoice",
        11 => "VAT ordinary invoice (roll)",
        14 => "toll road VAT electronic ordinary invoice",
        15 => "used car sales invoice",
        20 => "VAT electronic special invoice",
        31 => "fully digitalised e-invoice (special)",
        32 => "fully digitalised e-invoice (ordinary)",
        33 => "fully digitalised e-invoice (motor vehicle sales)",
        34 => "fully digitalised e-invoice (used car sales)",
        _ => string.Empty,
    };

    /// <summary>True when <paramref name="code"/> is one of the known two-digit type codes.</summary>
    public static bool IsKnownCode(ReadOnlySpan<char> code) => TryParse(code, out _);

    /// <summary>Reads a two-digit type code; false for anything else, <c>1</c> and <c>001</c> included.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out InvoiceType type)
    {
        type = default;
        if (code.Length != 2 || code.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var candidate = new InvoiceType((byte)(((code[0] - '0') * 10) + (code[1] - '0')));
        if (!candidate.IsKnown)
        {
            return false;
        }

        type = candidate;
        return true;
    }

    /// <summary>The QR type for a platform ticket kind, where the mapping is known (81 → 31, 82 → 32).</summary>
    public static bool TryFromPlatformKind(PlatformTicketKind kind, out InvoiceType type)
    {
        type = kind switch
        {
            PlatformTicketKind.ShudianSpecial => ShudianSpecial,
            PlatformTicketKind.ShudianOrdinary => ShudianOrdinary,
            _ => default,
        };
        return type.IsKnown;
    }

    /// <summary>The platform ticket kind for this type, where the mapping is known (31 → 81, 32 → 82).</summary>
    public bool TryGetPlatformKind(out PlatformTicketKind kind)
    {
        (bool known, kind) = _value switch
        {
            31 => (true, PlatformTicketKind.ShudianSpecial),
            32 => (true, PlatformTicketKind.ShudianOrdinary),
            _ => (false, default(PlatformTicketKind)),
        };
        return known;
    }

    public override string ToString() => Code;
}
