using Fapiao.Domain;

namespace Fapiao.Tests.Domain;

public class LegacyCodeInfoTests
{
    [Theory]
    [InlineData("4403191130", nameof(LegacyCodeKind.Special))] // digit 8: 1
    [InlineData("4403191530", nameof(LegacyCodeKind.Special))]
    [InlineData("4403191330", nameof(LegacyCodeKind.Ordinary))]
    [InlineData("4403191630", nameof(LegacyCodeKind.Ordinary))]
    [InlineData("4403191230", nameof(LegacyCodeKind.Freight))]
    [InlineData("4403191730", nameof(LegacyCodeKind.Freight))]
    [InlineData("4403191030", nameof(LegacyCodeKind.Unknown))]
    [InlineData("4403191930", nameof(LegacyCodeKind.Unknown))]
    [InlineData("033002000211", nameof(LegacyCodeKind.ElectronicOrdinary))] // digits 11–12
    [InlineData("033002000212", nameof(LegacyCodeKind.TollElectronicOrdinary))]
    [InlineData("033002000213", nameof(LegacyCodeKind.ElectronicSpecial))]
    [InlineData("033002000204", nameof(LegacyCodeKind.FoldedOrdinary))]
    [InlineData("033002000205", nameof(LegacyCodeKind.FoldedOrdinary))]
    [InlineData("033002000206", nameof(LegacyCodeKind.Roll))]
    [InlineData("033002000207", nameof(LegacyCodeKind.Roll))]
    [InlineData("011002680026", nameof(LegacyCodeKind.Unknown))] // the real QR fixture's code
    [InlineData("", nameof(LegacyCodeKind.Unknown))]
    [InlineData("44031911", nameof(LegacyCodeKind.Unknown))]
    [InlineData("440319113A", nameof(LegacyCodeKind.Unknown))]
    public void Read_Code_Kind(string code, string kind) =>
        LegacyCodeInfo.Read(code).Kind.ShouldBe(Enum.Parse<LegacyCodeKind>(kind));

    [Theory]
    [InlineData(nameof(LegacyCodeKind.Special), nameof(InvoiceCategory.Special), null)]
    [InlineData(nameof(LegacyCodeKind.Ordinary), nameof(InvoiceCategory.Ordinary), null)]
    [InlineData(nameof(LegacyCodeKind.Freight), nameof(InvoiceCategory.Freight), null)]
    [InlineData(nameof(LegacyCodeKind.ElectronicOrdinary), nameof(InvoiceCategory.Ordinary), true)]
    [InlineData(nameof(LegacyCodeKind.TollElectronicOrdinary), nameof(InvoiceCategory.Ordinary), true)]
    [InlineData(nameof(LegacyCodeKind.ElectronicSpecial), nameof(InvoiceCategory.Special), true)]
    [InlineData(nameof(LegacyCodeKind.FoldedOrdinary), nameof(InvoiceCategory.Ordinary), false)]
    [InlineData(nameof(LegacyCodeKind.Roll), nameof(InvoiceCategory.Ordinary), false)]
    [InlineData(nameof(LegacyCodeKind.Unknown), nameof(InvoiceCategory.Unknown), null)]
    public void Kind_Facts(string kind, string category, bool? electronic)
    {
        var info = new LegacyCodeInfo(Enum.Parse<LegacyCodeKind>(kind));

        info.Category.ShouldBe(Enum.Parse<InvoiceCategory>(category));
        info.IsElectronic.ShouldBe(electronic);
    }
}
