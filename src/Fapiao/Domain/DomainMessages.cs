using System.Globalization;
using System.Text;

namespace Fapiao.Domain;

/// <summary>
/// Every message the domain values give, in one place. A message never repeats a tax ID (logs
/// must not see one); where it quotes the input, the quote is cut short and stripped of control
/// characters.
/// </summary>
internal static class DomainMessages
{
    public const string TaxIdRequired = "The taxpayer ID is missing.";

    public const string TaxIdFormat =
        "Not a taxpayer ID: expected an 18-character unified social credit code over 0-9 and the capital letters "
        + "other than I, O, S, V, Z, an 18-character resident ID number, or an older ID of 15 or 17 to 20 digits "
        + "and capital letters.";

    public const string TaxIdChecksum =
        "The check character does not match, neither as a unified social credit code (GB 32100) nor as a "
        + "resident ID number. Some older registrations fail the check: kept, flagged for review.";
}
