using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fapiao.Domain;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class TaxIdsProperties
{
    // Half of them all digits, so that resident ID numbers come up too.
    private static readonly Arbitrary<string> First17 =
        Gen.OneOf(Of17(Some.UsccSymbols), Of17("0123456789")).ToArbitrary();

    [Property]
    public Property UsccCheckCharacter_Appended_Valid() =>
        Prop.ForAll(First17, first17 =>
        {
            string uscc = first17 + TaxIds.UsccCheckCharacter(first17);
            return TaxIds.IsValidUscc(uscc)
                && TaxIds.Classify(uscc) == TaxIdKind.Uscc
                && TaxIds.Check(uscc, "taxId").Count == 0;
        });

    [Property]
    public Property UsccCheckCharacter_AnyOtherAppended_ChecksumWarning() =>
        Prop.ForAll(First17, first17 =>
        {
            char right = TaxIds.UsccCheckCharacter(first17);
            return Some.UsccSymbols.Where(c => c != right).All(wrong =>
            {
                string value = first17 + wrong;

                // 17 digits and a digit or X may still be a valid resident ID number.
                if (TaxIds.IsValidResidentId(value))
                {
                    return TaxIds.Classify(value) == TaxIdKind.ResidentId && TaxIds.Check(value, "taxId").Count == 0;
                }

                return !TaxIds.IsValidUscc(value)
                    && TaxIds.Check(value, "taxId") is [{ Code: ErrorCodes.TaxIdChecksum, Severity: Severity.Warning }];
            });
        });

    private static Gen<string> Of17(string symbols) =>
        Gen.ArrayOf(Gen.Elements(symbols.ToCharArray()), 17).Select(chars => new string(chars));
}
