using Fapiao.Domain;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Domain;

public class InvoiceKeyTypeCheckTests
{
    [Theory]
    [InlineData("01", "4403191130-00000001")] // special, code says special
    [InlineData("01", "4403191530-00000001")]
    [InlineData("02", "4403191230-00000001")] // freight, code says freight
    [InlineData("04", "4403191330-00000001")] // ordinary, code says ordinary
    [InlineData("04", "033002000204-00000001")] // folded paper ordinary
    [InlineData("11", "033002000206-00000001")] // roll
    [InlineData("11", "033002000204-00000001")] // a roll invoice is an ordinary paper invoice
    [InlineData("10", "033002000211-83089647")] // the legacy OFD fixture's key
    [InlineData("10", "4403191330-00000001")] // 10-digit codes say nothing of paper or electronic
    [InlineData("14", "033002000212-00000001")]
    [InlineData("14", "033002000211-00000001")] // a toll invoice is an electronic ordinary invoice
    [InlineData("20", "033002000213-00000001")]
    [InlineData("10", "011002680026-71500013")] // the QR fixture: kind digits 26, unknown
    [InlineData("03", "4403191130-00000001")] // motor vehicle: DOMAIN.md gives no kind to compare
    [InlineData("15", "033002000211-00000001")]
    [InlineData("31", "24112000000048542163")]
    [InlineData("32", "24112000000048542163")]
    [InlineData("34", "24112000000048542163")]
    [InlineData("01", "24112000000048542163")] // paper types: DOMAIN.md does not rule out a 20-digit number
    [InlineData("04", "24112000000048542163")]
    [InlineData("99", "4403191130-00000001")] // unknown type: type.unknown is for whoever read it
    [InlineData("", "24112000000048542163")]
    public void CheckTypeAgainstKey_Consistent_NoWarning(string type, string key) =>
        InvoiceKey.CheckTypeAgainstKey(type, InvoiceKey.Parse(key)).ShouldBeEmpty();

    [Theory]
    [InlineData("01", "4403191330-00000001")] // special, code says ordinary
    [InlineData("01", "4403191230-00000001")] // special, code says freight
    [InlineData("01", "033002000211-00000001")] // paper special, code says electronic ordinary
    [InlineData("01", "033002000213-00000001")] // paper special, code says electronic
    [InlineData("02", "4403191130-00000001")] // freight, code says special
    [InlineData("04", "4403191130-00000001")] // ordinary, code says special
    [InlineData("04", "033002000211-00000001")] // paper ordinary, code says electronic
    [InlineData("10", "033002000204-00000001")] // electronic ordinary, code says paper
    [InlineData("10", "033002000213-00000001")] // ordinary, code says special
    [InlineData("11", "4403191730-00000001")] // roll, code says freight
    [InlineData("14", "033002000206-00000001")] // electronic, code says roll
    [InlineData("20", "4403191330-00000001")] // special, code says ordinary
    [InlineData("20", "033002000211-00000001")]
    [InlineData("31", "011002680026-71500013")] // 数电 types with a legacy key
    [InlineData("32", "4403191330-00000001")]
    [InlineData("33", "033002000211-00000001")]
    [InlineData("34", "033002000211-00000001")]
    [InlineData("10", "24112000000048542163")] // legacy electronic types with a 数电 number
    [InlineData("14", "24112000000048542163")]
    [InlineData("20", "24112000000048542163")]
    public void CheckTypeAgainstKey_Contradiction_KeyMismatchWarning(string type, string key)
    {
        Problem problem = InvoiceKey.CheckTypeAgainstKey(type, InvoiceKey.Parse(key)).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ErrorCodes.TypeKeyMismatch);
        problem.Severity.ShouldBe(Severity.Warning);
        problem.Field.ShouldBe("type");
        problem.Message.ShouldContain(type);
    }

    [Fact]
    public void CheckTypeAgainstKey_FieldGiven_UsedInWarning()
    {
        InvoiceKey key = InvoiceKey.Parse(Some.LegacyCode12("11") + "-" + Some.LegacyNumber());

        InvoiceKey.CheckTypeAgainstKey("31", key, "qr.type").ShouldHaveSingleItem().Field.ShouldBe("qr.type");
    }

    [Fact]
    public void CheckTypeAgainstKey_DefaultKey_NoWarning() =>
        InvoiceKey.CheckTypeAgainstKey("10", default).ShouldBeEmpty();
}
