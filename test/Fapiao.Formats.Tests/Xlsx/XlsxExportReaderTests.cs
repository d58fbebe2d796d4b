using System.Text;
using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Formats.Xlsx;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Formats.Tests.Xlsx;

public sealed class XlsxExportReaderTests
{
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    }

    private static XlsxExportReader CreateSut() => new();

    private static List<InputRow> Read(byte[] workbook) => [.. CreateSut().Read(new MemoryStream(workbook))];

    private static (Invoice? Invoice, List<Problem> Problems) Validate(InputRow row)
    {
        var problems = new List<Problem>(row.Problems);
        var invoice = row.Draft is null ? null : new InvoiceValidator(new FixedClock()).Validate(row.Draft, problems);
        return (problems.Exists(p => p.IsError) ? null : invoice, problems);
    }

    private static string Canonical(Invoice invoice) => Encoding.UTF8.GetString(CanonicalInvoiceJson.ToBytes(invoice));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_PlatformExportWorkbook_GivesTheInvoicesOfItsJsonTwins(bool typedCells)
    {
        var workbook = Workbooks.Create(Workbooks.FixtureRows(), typedCells ? Workbooks.AsSpreadsheetTypes : null);
        var twins = File.ReadAllLines(Workbooks.Fixture("platform-export.jsonl")).Where(l => l.Length > 0).ToList();

        var rows = Read(workbook);

        rows.Count.ShouldBe(twins.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (invoice, problems) = Validate(rows[i]);
            var jsonProblems = new List<Problem>();
            var twin = new InvoiceValidator(new FixedClock()).Validate(InvoiceJsonReader.Read(Encoding.UTF8.GetBytes(twins[i]), jsonProblems)!, jsonProblems);
            invoice.ShouldNotBeNull($"row {i + 1}: {string.Join("; ", problems)}");
            Canonical(invoice).ShouldBe(Canonical(twin!));
        }

        rows.Select(r => r.Number).ShouldBe([4, 5, 6, 7, 8, 9]);
        rows.Select(r => r.Draft!.PlatformStatus).ShouldBe(
            [PlatformStatus.Normal, PlatformStatus.Normal, PlatformStatus.Voided, PlatformStatus.Normal, PlatformStatus.Normal, PlatformStatus.PartiallyReversed]);
    }

    [Fact]
    public void Read_Row_KeepsItsCellsAsACsvLineForQuarantine()
    {
        var rows = Read(Workbooks.Create(Workbooks.FixtureRows()));

        Encoding.UTF8.GetString(rows[0].Raw).ShouldBe(string.Join(',', Workbooks.FixtureRows()[3]));
    }

    public static TheoryData<string, string, object, string> NumberCells => new()
    {
        { "数电 number as a number cell", "数电发票号码", 24112000000048542163d, ErrorCodes.SpreadsheetNumberAsFloat },
        { "tax ID as a number cell", "销方识别号", 914403001922038216d, ErrorCodes.SpreadsheetNumberAsFloat },
        { "数电 number as a date cell", "数电发票号码", new DateTime(2024, 5, 28), ErrorCodes.SpreadsheetNumberAsFloat },
        { "date as a bare serial number", "开票日期", 45440d, ErrorCodes.DateFormat },
    };

    [Theory]
    [MemberData(nameof(NumberCells))]
    public void Read_IdentifierOrDateInTheWrongKindOfCell_IsRefusedWithItsCode(string because, string column, object value, string code)
    {
        var workbook = Workbooks.Create(Workbooks.FixtureRows(), (row, header, text) => row == 3 && header == column ? value : text);

        var (invoice, problems) = Validate(Read(workbook)[0]);

        invoice.ShouldBeNull(because);
        problems.ShouldContain(p => p.Code == code && p.IsError, because + ": " + string.Join("; ", problems));
    }

    [Fact]
    public void Read_LegacyNumberAsAnExactNumberCell_IsReadAsItsDigits()
    {
        // Row 6 is the legacy special invoice 4403191130-71500013: an 8-digit number survives a double exactly.
        var workbook = Workbooks.Create(Workbooks.FixtureRows(), (row, header, text) => row == 6 && header == "发票号码" ? 71500013d : text);

        var invoice = Validate(Read(workbook)[2]).Invoice.ShouldNotBeNull();

        invoice.Key.ToString().ShouldBe("4403191130-71500013");
    }

    [Fact]
    public void Read_FromAStreamThatCannotSeek_ReadsTheSameRows()
    {
        var workbook = Workbooks.Create(Workbooks.FixtureRows());

        var rows = CreateSut().Read(new ReplayStream([], new MemoryStream(workbook))).ToList();

        rows.Count.ShouldBe(6);
        rows.ShouldAllBe(r => Validate(r).Invoice != null);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated")]
    public void Read_NoWorkbook_RefusesTheFileAsOneItem(string content)
    {
        var row = Read(Encoding.UTF8.GetBytes(content)).ShouldHaveSingleItem();

        row.Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.SpreadsheetInvalid);
    }

    [Fact]
    public void Read_ZipWithoutAWorkbook_RefusesTheFileAsOneItem()
    {
        Read(Zip(("OFD.xml", 10))).ShouldHaveSingleItem().Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.SpreadsheetInvalid);
    }

    [Fact]
    public void Read_EntryUnpackingOverAThousandfold_IsRefusedBeforeItIsUnpacked()
    {
        // 32 MiB of zeros deflate about 1028 to 1: a bomb's shape, whatever the sheet would say.
        var workbook = Zip(("xl/workbook.xml", 10), ("xl/worksheets/sheet1.xml", 32 << 20));

        var row = Read(workbook).ShouldHaveSingleItem();

        row.Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.SpreadsheetInvalid);
        row.Problems[0].Message.ShouldContain("xl/worksheets/sheet1.xml");
    }

    [Fact]
    public void Read_TooManyEntries_IsRefused()
    {
        var workbook = Zip([("xl/workbook.xml", 10), .. Enumerable.Range(0, XlsxPackageGuard.MaxEntries).Select(i => ($"xl/media/{i}", 1))]);

        Read(workbook).ShouldHaveSingleItem().Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.SpreadsheetInvalid);
    }

    /// <summary>A zip of entries filled with that many zero bytes.</summary>
    private static byte[] Zip(params (string Name, int Zeros)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, zeros) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(new byte[zeros]);
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void Read_SheetWithoutAHeader_RefusesTheFileWithHeaderNotFound()
    {
        var workbook = Workbooks.Create([["只有标题"], ["a", "b", "c"]]);

        Read(workbook).ShouldHaveSingleItem().Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.CsvHeaderNotFound);
    }

    [Fact]
    public void Write_ThenRead_EveryCellComesBackAsTheSameText()
    {
        string[] header = [.. ExportColumns.LedgerExport.Select(c => c.Name)];
        string?[] row = ["24112000000048542163", null, "31", "2024-05-28", "914403001922038216", "=HYPERLINK(\"x\")", "121200004013590816", "个人", "1000.00", "60.00", "1060.00", null, null, "normal", "0012"];
        using var stream = new MemoryStream();

        XlsxTableWriter.Write(stream, header, [row]);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(stream.ToArray()), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();

        rows.Count.ShouldBe(2);
        rows[0].Values.ShouldBe(header);
        rows[1].Values.ShouldAllBe(v => v == null || v is string);
        rows[1].Values.Select(v => (string?)v ?? "").ShouldBe(row.Select(v => v ?? ""));
    }
}
