using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

public class FieldPrintTests
{
    [Fact]
    public void Of_SameMoneyAnotherScale_SameFingerprint()
    {
        var a = Records.Of(1) with { Amount = 100m, Tax = 1.2340m };
        var b = Records.Of(1) with { Amount = 100.00m, Tax = 1.234m };

        FieldPrint.Of(a, ReconFields.All).ShouldBe(FieldPrint.Of(b, ReconFields.All));
    }

    [Theory]
    [InlineData((int)ReconFields.IssueDate)]
    [InlineData((int)ReconFields.SellerTaxId)]
    [InlineData((int)ReconFields.Total)]
    [InlineData((int)ReconFields.State)]
    public void Of_OneFieldDifferent_DiffersOnlyWhenThatFieldIsCompared(int compared)
    {
        var field = (ReconFields)compared;
        var a = Records.Of(1);
        var b = field switch
        {
            ReconFields.IssueDate => a with { IssueDate = null },
            ReconFields.SellerTaxId => a with { SellerTaxId = "91440300192203821X" },
            ReconFields.Total => a with { Total = a.Total + 0.01m },
            _ => a with { State = "voided" },
        };

        FieldPrint.Of(a, ReconFields.All).ShouldNotBe(FieldPrint.Of(b, ReconFields.All));
        FieldPrint.Of(a, ReconFields.All & ~field).ShouldBe(FieldPrint.Of(b, ReconFields.All & ~field));
    }

    [Fact]
    public void Of_TextLongerThanAnyReaderLetsThrough_HashedNotOverflowed()
    {
        var a = Records.Of(1) with { SellerTaxId = new string('A', 5_000) };
        var b = Records.Of(1) with { SellerTaxId = new string('A', 4_999) + "B" };

        FieldPrint.Of(a, ReconFields.All).ShouldBe(FieldPrint.Of(a with { }, ReconFields.All));
        FieldPrint.Of(a, ReconFields.All).ShouldNotBe(FieldPrint.Of(b, ReconFields.All));
    }
}
