using System.Text;
using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

/// <summary>The fast reading of a CSV row gives what the ingest readers give, row for row, whatever the spelling.</summary>
public class CsvSideTests
{
    private sealed class Sink : IReconSink
    {
        public List<ReconRow> Rows { get; } = [];
        public List<ReconRecord> UnpackedRecords { get; } = [];
        public List<UnreadableRow> Unreadable { get; } = [];

        public void Row(in ReconRow row) => Rows.Add(row);

        public void Unpacked(ReconRecord record) => UnpackedRecords.Add(record);

        void IReconSink.Unreadable(UnreadableRow row) => Unreadable.Add(row);
    }

    /// <summary>Reads the bytes both ways and checks they agree; gives how many rows went the fast way and how many the general way.</summary>
    private static (long Fast, long General) ShouldReadAsIngestReadersDo(byte[] bytes, DatePeriod? period = null)
    {
        var expectedUnreadable = new List<UnreadableRow>();
        var expected = new ReconInputReader().Read(new MemoryStream(bytes), "in.csv", "left", expectedUnreadable.Add).ToList();

        using var stream = new MemoryStream(bytes);
        using var side = new CsvSide(stream, "in.csv", "left", 3);
        var sink = new Sink();
        side.Prepare(sink.Unreadable.Add);
        var sha = side.Scan(ReconFields.All, period, sink);

        sha.ShouldBe(System.Security.Cryptography.SHA256.HashData(bytes));
        sink.Unreadable.ShouldBe(expectedUnreadable);
        (sink.Rows.Count + sink.UnpackedRecords.Count).ShouldBe(expected.Count);
        sink.UnpackedRecords.ShouldBe(expected.Where(r => !ReconKey.TryPack(r.Key, out _, out _, out _)).ToList());
        var packed = expected.Where(r => ReconKey.TryPack(r.Key, out _, out _, out _)).ToList();
        sink.Rows.Count.ShouldBe(packed.Count);
        for (var i = 0; i < packed.Count; i++)
        {
            var row = sink.Rows[i];
            var record = packed[i];
            row.Key.ShouldBe(record.Key);
            $"in.csv:{row.Line}".ShouldBe(record.Source);
            row.File.ShouldBe(3);
            (row.F0, row.F1).ShouldBe(FieldPrint.Of(record, ReconFields.All), record.Source);
            row.InScope.ShouldBe(CsvSide.InScope(record.IssueDate, period));
            side.Read(row.Offset, row.Line).ShouldBe(record);
        }

        return (side.FastRows, expected.Count + expectedUnreadable.Count - side.FastRows);
    }

    [Fact]
    public void Scan_PlainExport_EveryRowTheFastWay()
    {
        var bytes = PlatformCsv.Bytes(PlatformCsv.File(Enumerable.Range(1, 500).Select(i => PlatformCsv.Plain(i).Line())));
        using var stream = new MemoryStream(bytes);
        using var side = new CsvSide(stream, "in.csv", "left", 0);
        var sink = new Sink();

        side.Prepare(sink.Unreadable.Add);
        side.Scan(ReconFields.All, null, sink);

        side.FastRows.ShouldBe(500);
        sink.Rows.Count.ShouldBe(500);
        ShouldReadAsIngestReadersDo(bytes).ShouldBe((500, 0));
    }

    [Theory]
    [InlineData(1, "\n")]
    [InlineData(2, "\r\n")]
    [InlineData(3, "\n")]
    [InlineData(4, "\r\n")]
    [InlineData(5, "\n")]
    [InlineData(6, "\n")]
    [InlineData(7, "\n")]
    [InlineData(8, "\n")]
    public void Scan_MessySpellings_SameRecordsAndRefusalsAsTheIngestReaders(int seed, string newline)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(1, 400).Select(i => PlatformCsv.Messy(i, random));
        var title = seed % 2 == 0 ? "全量发票查询导出结果" + newline : "";
        var bom = seed % 3 == 0 ? "\uFEFF" : "";

        var (fast, general) = ShouldReadAsIngestReadersDo(PlatformCsv.Bytes(bom + title + PlatformCsv.File(lines, newline)));
        fast.ShouldBeGreaterThan(20);
        general.ShouldBeGreaterThan(100);
        _ = ShouldReadAsIngestReadersDo(PlatformCsv.Bytes(bom + title + PlatformCsv.File(lines, newline)), new DatePeriod(new DateOnly(2024, 11, 10), new DateOnly(2024, 11, 30)));
    }

    [Fact]
    public void Scan_MessyFileOfSeveralBuffers_RecordsAcrossBufferEdgesReadAlike()
    {
        var random = new Random(42);
        var bytes = PlatformCsv.Bytes(PlatformCsv.File(Enumerable.Range(1, 15_000).Select(i => PlatformCsv.Messy(i, random)), "\r\n"));
        bytes.Length.ShouldBeGreaterThan(2 << 20);

        var (fast, general) = ShouldReadAsIngestReadersDo(bytes);

        fast.ShouldBeGreaterThan(3000);
        general.ShouldBeGreaterThan(3000);
    }

    [Fact]
    public void Scan_RowsLongerThanTheLimitAndTheBuffer_RefusedAsTheIngestReadersRefuseThem()
    {
        var lines = new[]
        {
            PlatformCsv.Plain(1).Line(),
            PlatformCsv.Plain(2).Line() + "," + new string('x', 70_000),
            PlatformCsv.Plain(3).Line() + ",\"" + new string('y', 1_500_000) + "\n\"",
            PlatformCsv.Plain(4).Line(),
        };

        _ = ShouldReadAsIngestReadersDo(PlatformCsv.Bytes(PlatformCsv.File(lines)));
    }

    [Fact]
    public void Scan_NoHeader_RefusedAsTheIngestReadersRefuseIt()
    {
        const string NotAHeader = "开票日期说明,发票号码说明,c\n";
        _ = ShouldReadAsIngestReadersDo(Encoding.UTF8.GetBytes(NotAHeader + "1,2,3\n"));
        _ = ShouldReadAsIngestReadersDo(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(NotAHeader, 30)) + PlatformCsv.File([PlatformCsv.Plain(1).Line()])));
        _ = ShouldReadAsIngestReadersDo(Encoding.UTF8.GetBytes(NotAHeader + "\"" + new string('z', 70_000) + "\"\n" + string.Concat(Enumerable.Repeat("x\n", 19)) + PlatformCsv.File([PlatformCsv.Plain(1).Line()])));
    }

    [Fact]
    public void Scan_Gb18030Export_ReadTheGeneralWaySameRecords()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = PlatformCsv.File(Enumerable.Range(1, 50).Select(i => PlatformCsv.Plain(i).Line()));

        ShouldReadAsIngestReadersDo(Encoding.GetEncoding("GB18030").GetBytes(text)).Fast.ShouldBe(0);
    }
}
