using System.Text;
using Fapiao.Reconciliation;
using Fapiao.Validation;

namespace Fapiao.Tests.Reconciliation;

public class ReconInputReaderTests
{
    private static (List<ReconRecord> Records, List<UnreadableRow> Unreadable) Read(string text)
    {
        var unreadable = new List<UnreadableRow>();
        var records = new ReconInputReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "in", "right", unreadable.Add).ToList();
        return (records, unreadable);
    }

    [Fact]
    public void Read_PlatformCsvWithTitleRow_RowsAsRecordsInTheLedgersWords()
    {
        var (records, unreadable) = Read("""
            全量发票查询导出结果
            发票代码,发票号码,数电发票号码,销方识别号,购方识别号,开票日期,金额,税额,价税合计,发票票种,发票状态
            ,,24112000000000012345,914403001922038216,91330100799655058b,2024/11/20,"1,000.00",60,1060.0,数电票（普通发票）,全额红冲
            011002680026,71500013,,914403001922038216,,2020年02月20日,9709.00,0.00,9709.00,增值税电子普通发票,作废
            ,,,914403001922038216,,2024-11-20,1.00,0.06,1.06,数电票（普通发票）,正常
            """);

        records.ShouldBe(
        [
            new ReconRecord("24112000000000012345", "in:3", new DateOnly(2024, 11, 20), "914403001922038216", "91330100799655058B", 1000m, 60m, 1060m, "reversed"),
            new ReconRecord("011002680026-71500013", "in:4", new DateOnly(2020, 2, 20), "914403001922038216", null, 9709m, 0m, 9709m, "voided"),
        ]);
        unreadable.ShouldHaveSingleItem().Source.ShouldBe("in:5");
    }

    [Fact]
    public void Read_LedgerJsonLines_KeyedWithoutState()
    {
        var (records, unreadable) = Read("""
            {"number":"24112000000000012345","type":"32","issueDate":"2024-11-20","amount":"1000.00","tax":"60.00","total":"1060.00"}
            not json
            """);

        records.ShouldHaveSingleItem().ShouldBe(new ReconRecord("24112000000000012345", "in:1", new DateOnly(2024, 11, 20), null, null, 1000m, 60m, 1060m, null));
        unreadable.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.JsonSyntax);
    }

    [Fact]
    public void Read_InvoiceXml_RefusedWithReconcileFormat()
    {
        Should.Throw<ReconciliationException>(() => Read("<EInvoice/>")).Code.ShouldBe(ErrorCodes.ReconcileFormat);
    }
}
