namespace Fapiao.Domain;

/// <summary>
/// What the kind digits of a legacy invoice code say, per DOMAIN.md: digit 8 of a 10-digit code,
/// digits 11–12 of a 12-digit code.
/// </summary>
internal enum LegacyCodeKind
{
    /// <summary>The digits are none of the documented ones (real codes like that exist).</summary>
    Unknown,

    /// <summary>10-digit code, kind digit 1 or 5.</summary>
    Special,

    /// <summary>10-digit code, kind digit 3 or 6.</summary>
    Ordinary,

    /// <summary>10-digit code, kind digit 2 or 7.</summary>
    Freight,

    /// <summary>12-digit code, kind 11.</summary>
    ElectronicOrdinary,

    /// <summary>12-digit code, kind 12.</summary>
    TollElectronicOrdinary,

    /// <summary>12-digit code, kind 13.</summary>
    ElectronicSpecial,

    /// <summary>12-digit code, kind 04 or 05.</summary>
    FoldedOrdinary,

    /// <summary>12-digit code, kind 06 or 07.</summary>
    Roll,
}
