namespace Fapiao.Domain;

/// <summary>What an 18-, 15- or 17–20-character taxpayer identifier turned out to be.</summary>
internal enum TaxIdKind
{
    /// <summary>Not a taxpayer ID at all: wrong length or a character outside the allowed set.</summary>
    Invalid,

    /// <summary>An 18-character unified social credit code whose GB 32100 check character holds.</summary>
    Uscc,

    /// <summary>
    /// An 18-character code over the USCC symbols whose check character is wrong (and that is not a
    /// valid resident ID either). Real older registrations look like this: accepted with a warning.
    /// </summary>
    UsccBadChecksum,

    /// <summary>An 18-character resident ID number whose ISO 7064 MOD 11-2 check holds.</summary>
    ResidentId,

    /// <summary>An older taxpayer ID of 15 or 17, 19, 20 characters: accepted, no check digit to test.</summary>
    Legacy,
}
