using Fapiao.Domain;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class TaxIdsTests
{
    private const string Field = "seller.taxId";

    public static TheoryData<string, string> FixtureRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (string line in SharedFixtures.DataLines("taxids.txt"))
        {
            string[] columns = line.Split('\t');
            rows.Add(columns[0], columns[1].Trim());
        }

        return rows;
    }

    [Fact]
    public void Fixture_TaxIds_AllRowsRead()
    {
        IReadOnlyList<string> lines = SharedFixtures.DataLines("taxids.txt");

        lines.Count.ShouldBe(28);
        lines.Select(line => line.Split('\t')[1].Trim()).Distinct().Order()
            .ShouldBe(["checksum", "format", "legacy", "valid"]);
    }

    [Theory]
    [MemberData(nameof(FixtureRows))]
    public void Check_FixtureRow_AsListed(string taxId, string expected)
    {
        IReadOnlyList<Problem> problems = TaxIds.Check(taxId, Field);

        switch (expected)
        {
            case "valid":
                problems.ShouldBeEmpty();
                TaxIds.Classify(taxId).ShouldBe(TaxIdKind.Uscc);
                TaxIds.IsValidUscc(taxId).ShouldBeTrue();
                break;
            case "legacy":
                problems.ShouldBeEmpty();
                TaxIds.Classify(taxId).ShouldBe(TaxIdKind.Legacy);
                break;
            case "checksum":
                problems.ShouldHaveSingleItem().ShouldBe(Problem.Warning(ErrorCodes.TaxIdChecksum, Field, DomainMessages.TaxIdChecksum));
                TaxIds.Classify(taxId).ShouldBe(TaxIdKind.UsccBadChecksum);
                break;
            case "format":
                problems.ShouldHaveSingleItem().ShouldBe(Problem.Error(ErrorCodes.TaxIdFormat, Field, DomainMessages.TaxIdFormat));
                TaxIds.Classify(taxId).ShouldBe(TaxIdKind.Invalid);
                break;
            default:
                throw new InvalidOperationException($"Unknown expectation '{expected}' in taxids.txt.");
        }
    }

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999's own example: sum 167, 167 mod 11 = 2 → X
    [InlineData("440524188001010014")] // sum 195, 195 mod 11 = 8 → 4
    [InlineData("110101199003071233")] // sum 174, 174 mod 11 = 9 → 3
    public void Classify_ValidResidentId_ResidentIdWithoutProblems(string residentId)
    {
        TaxIds.IsValidResidentId(residentId).ShouldBeTrue();
        TaxIds.IsValidUscc(residentId).ShouldBeFalse();
        TaxIds.Classify(residentId).ShouldBe(TaxIdKind.ResidentId);
        TaxIds.Check(residentId, Field).ShouldBeEmpty();
    }

    [Fact]
    public void Classify_SomeResidentId_ResidentIdOrUscc()
    {
        string residentId = Some.ResidentId();

        TaxIds.Classify(residentId).ShouldBeOneOf(TaxIdKind.ResidentId, TaxIdKind.Uscc);
        TaxIds.Check(residentId, Field).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("110105194912310021", ErrorCodes.TaxIdChecksum)] // check should be X
    [InlineData("440524188001010015", ErrorCodes.TaxIdChecksum)] // check should be 4
    [InlineData("44052418800101001X", ErrorCodes.TaxIdChecksum)]
    [InlineData("11010519491231002x", ErrorCodes.TaxIdFormat)] // lower-case x is not upper-cased
    [InlineData("1101051949123100２X", ErrorCodes.TaxIdFormat)] // a full-width digit
    public void Check_BadResidentId_Code(string value, string code)
    {
        TaxIds.IsValidResidentId(value).ShouldBeFalse();
        TaxIds.Check(value, Field).ShouldHaveSingleItem().Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("", ErrorCodes.TaxIdRequired)]
    [InlineData(null, ErrorCodes.TaxIdRequired)]
    [InlineData(" 914403001922038216", ErrorCodes.TaxIdFormat)]
    [InlineData("914403001922038216 ", ErrorCodes.TaxIdFormat)]
    [InlineData("91330100799655058b", ErrorCodes.TaxIdFormat)] // lower case is an error, not upper-cased
    [InlineData("110108000000016a", ErrorCodes.TaxIdFormat)]
    [InlineData("91110108ma01abcd2x", ErrorCodes.TaxIdFormat)]
    [InlineData("９１４４０３００１９２２０３８２１６", ErrorCodes.TaxIdFormat)] // full-width digits
    [InlineData("91440300192203821O", ErrorCodes.TaxIdFormat)] // O is not a USCC symbol
    [InlineData("12345678901234", ErrorCodes.TaxIdFormat)] // 14 characters
    [InlineData("1234567890123456", ErrorCodes.TaxIdFormat)] // 16 characters
    public void Check_BadValue_Code(string? value, string code)
    {
        Problem problem = TaxIds.Check(value, Field).ShouldHaveSingleItem();

        problem.Code.ShouldBe(code);
        problem.Field.ShouldBe(Field);
        problem.IsError.ShouldBeTrue();
    }

    [Theory]
    [InlineData("110108000000016")] // 15 characters, legacy letters allowed (I, O, S, V, Z included)
    [InlineData("1101080000000ZS")]
    [InlineData("11010800000001634")]
    [InlineData("1101080000000163456")]
    [InlineData("11010800000001634567")]
    public void Check_LegacyId_NoProblem(string value)
    {
        TaxIds.Classify(value).ShouldBe(TaxIdKind.Legacy);
        TaxIds.Check(value, Field).ShouldBeEmpty();
    }

    [Fact]
    public void Check_SomeUscc_NoProblem() => TaxIds.Check(Some.Uscc(), Field).ShouldBeEmpty();

    [Fact]
    public void Check_SomeUsccWithWrongCheck_ChecksumWarning() =>
        TaxIds.Check(Some.UsccWithWrongCheck(), Field).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe(ErrorCodes.TaxIdChecksum),
            p => p.Severity.ShouldBe(Severity.Warning));

    [Theory]
    [InlineData("91440300192203821", '6')]
    [InlineData("91330100799655058", 'B')]
    [InlineData("9144030071526726X", 'G')]
    [InlineData("12120000401359081", '6')]
    public void UsccCheckCharacter_RealCode_ItsCheckCharacter(string first17, char expected) =>
        TaxIds.UsccCheckCharacter(first17).ShouldBe(expected);

    [Theory]
    [InlineData("9144030019220382")]
    [InlineData("914403001922038216")]
    [InlineData("9144030019220382I")]
    [InlineData("9144030019220382a")]
    public void UsccCheckCharacter_Not17Symbols_Throws(string first17) =>
        Should.Throw<ArgumentException>(() => TaxIds.UsccCheckCharacter(first17));

    [Theory]
    [InlineData("914403001922038216", "9144************16")]
    [InlineData("110108000000016", "1101*********16")]
    [InlineData("91330100799655058B", "9133************8B")]
    [InlineData("123456789", "*********")] // too short to hide a middle
    [InlineData("9144\n00192203821\r", "9144***********1*")] // nothing but letters and digits reaches a log
    [InlineData("", "")]
    public void Mask_TaxId_KeepsOnlyEnds(string taxId, string expected) => TaxIds.Mask(taxId).ShouldBe(expected);

    [Fact]
    public void Check_AnyProblem_MessageHidesTheTaxId()
    {
        string taxId = Some.UsccWithWrongCheck();

        TaxIds.Check(taxId, Field).ShouldAllBe(p => !p.Message.Contains(taxId, StringComparison.Ordinal));
    }
}
