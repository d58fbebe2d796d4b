using System.Buffers;
using Fapiao.Validation;

namespace Fapiao.Domain;

/// <summary>
/// Taxpayer identifiers: unified social credit codes (GB 32100-2015), resident ID numbers
/// (GB 11643, ISO 7064 MOD 11-2) and the older 15- and 17–20-character forms.
/// </summary>
internal static class TaxIds
{
    public const int UsccLength = 18;

    private const string UsccSymbols = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const string ResidentIdCheckCharacters = "10X98765432";

    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private static readonly SearchValues<char> Uscc = SearchValues.Create(UsccSymbols);

    /// <summary>Each ASCII character's index in <see cref="UsccSymbols"/> (−1 for the others): one load instead of a search per character.</summary>
    private static readonly sbyte[] UsccValues = Enumerable.Range(0, 128).Select(c => (sbyte)UsccSymbols.IndexOf((char)c, StringComparison.Ordinal)).ToArray();

    private static readonly SearchValues<char> LegacySymbols = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// The problems with a taxpayer ID: none when it is valid or an older form, a warning
    /// <c>taxId.checksum</c> when only the check character is wrong, an error <c>taxId.format</c>
    /// otherwise, and an error <c>taxId.required</c> when it is absent. Where a tax ID may be left
    /// out (a private-person buyer), the caller skips this check for an absent value.
    /// </summary>
    public static IReadOnlyList<Problem> Check(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [Problem.Error(ErrorCodes.TaxIdRequired, field, DomainMessages.TaxIdRequired)];
        }

        return Classify(value) switch
        {
            TaxIdKind.Invalid => [Problem.Error(ErrorCodes.TaxIdFormat, field, DomainMessages.TaxIdFormat)],
            TaxIdKind.UsccBadChecksum => [Problem.Warning(ErrorCodes.TaxIdChecksum, field, DomainMessages.TaxIdChecksum)],
            _ => [],
        };
    }

    /// <summary>Says what kind of taxpayer ID <paramref name="value"/> is. Lower-case letters make it invalid.</summary>
    public static TaxIdKind Classify(ReadOnlySpan<char> value)
    {
        if (value.Length == UsccLength)
        {
            // A resident ID (17 digits, then a digit or X) is also spelled in the USCC symbols,
            // so any 18-character value outside them is neither.
            if (value.ContainsAnyExcept(Uscc))
            {
                return TaxIdKind.Invalid;
            }

            if (IsValidUscc(value))
            {
                return TaxIdKind.Uscc;
            }

            return IsValidResidentId(value) ? TaxIdKind.ResidentId : TaxIdKind.UsccBadChecksum;
        }

        bool legacyLength = value.Length is 15 or (>= 17 and <= 20);
        return legacyLength && !value.ContainsAnyExcept(LegacySymbols) ? TaxIdKind.Legacy : TaxIdKind.Invalid;
    }

    /// <summary>
    /// The GB 32100 check character for the first 17 characters of a unified social credit code.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="first17"/> is not 17 USCC symbols: check the input before asking.
    /// </exception>
    public static char UsccCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != UsccLength - 1 || first17.ContainsAnyExcept(Uscc))
        {
            throw new ArgumentException("Expected the first 17 characters of a unified social credit code.", nameof(first17));
        }

        int sum = 0;
        for (int i = 0; i < first17.Length; i++)
        {
            sum += UsccValues[first17[i]] * UsccWeights[i];
        }

        return UsccSymbols[(31 - (sum % 31)) % 31];
    }

    /// <summary>True for 18 USCC symbols whose last one is the GB 32100 check character.</summary>
    public static bool IsValidUscc(ReadOnlySpan<char> value) =>
        value.Length == UsccLength
        && !value.ContainsAnyExcept(Uscc)
        && UsccCheckCharacter(value[..^1]) == value[^1];

    /// <summary>
    /// True for 17 ASCII digits and a digit or upper-case X whose ISO 7064 MOD 11-2 check holds.
    /// Only the check is tested, not the region or the birth date.
    /// </summary>
    public static bool IsValidResidentId(ReadOnlySpan<char> value)
    {
        if (value.Length != UsccLength || value[..^1].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < ResidentIdWeights.Length; i++)
        {
            sum += (value[i] - '0') * ResidentIdWeights[i];
        }

        return ResidentIdCheckCharacters[sum % 11] == value[^1];
    }

    /// <summary>
    /// A tax ID fit for logs: the first 4 and last 2 characters kept, the rest masked
    /// (<c>9144************16</c>). Full tax IDs must never reach logs. Anything too short to
    /// hide a middle, and any character that is not an ASCII letter or digit, is masked.
    /// </summary>
    public static string Mask(string taxId)
    {
        if (string.IsNullOrEmpty(taxId))
        {
            return string.Empty;
        }

        const int keepStart = 4;
        const int keepEnd = 2;
        bool tooShort = taxId.Length < keepStart + keepEnd + 4;
        return string.Create(taxId.Length, (taxId, tooShort), static (span, state) =>
        {
            (string source, bool hideAll) = state;
            for (int i = 0; i < span.Length; i++)
            {
                bool kept = !hideAll && (i < keepStart || i >= span.Length - keepEnd);
                span[i] = kept && char.IsAsciiLetterOrDigit(source[i]) ? source[i] : '*';
            }
        });
    }
}
