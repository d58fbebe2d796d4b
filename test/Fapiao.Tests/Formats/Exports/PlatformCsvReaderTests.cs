using System.Text;
using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Exports;

public sealed class PlatformCsvReaderTests
{
    private const string Header = "发票票种,开票日期,数电发票号码,发票代码,发票号码,销方识别号,购方识别号,金额,税额,价税合计,发票状态,是否正数发票";

    private const string GoodRow = "数电票（普通发票）,2024-05-28,24442000000012345678,,,914403001922038216,91330100799655058B,100.00,6.00,106.00,正常,是";

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    }

    private static PlatformCsvReader CreateSut(int maxRecordBytes = CsvRecordReader.DefaultMaxRecordBytes) => new(maxRecordBytes);

    private static InvoiceValidator Validator() => new(new FixedClock());

    private static List<InputRow> Read(byte[] csv, int maxRecordBytes = CsvRecordReader.DefaultMaxRecordBytes) =>
        [.. CreateSut(maxRecordBytes).Read(new MemoryStream(csv))];

    private static List<InputRow> Read(string csv) => Read(Encoding.UTF8.GetBytes(csv));

    /// <summary>The row validated: the invoice (or null) and every problem.</summary>
    private static (Invoice? Invoice, List<Problem> Problems) Validate(InputRow row)
    {
        var problems = new List<Problem>(row.Problems);
        var invoice = row.Draft is null ? null : Validator().Validate(row.Draft, problems);
        return (problems.Exists(p => p.IsError) ? null : invoice, problems);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public void Read_PlatformExportWithTitleRowsAndShuffledColumns_GivesTheInvoicesOfItsJsonTwins(string encoding)
    {
        var rows = Read(ExportFixtures.CsvBytes(encoding));
        var twins = ExportFixtures.JsonTwinLines();

        rows.Count.ShouldBe(twins.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (fromCsv, csvProblems) = Validate(rows[i]);
            var jsonProblems = new List<Problem>();
            var fromJson = Validator().Validate(InvoiceJsonReader.Read(twins[i], jsonProblems).ShouldNotBeNull(), jsonProblems);

            fromCsv.ShouldNotBeNull($"row {i + 1}: {string.Join("; ", csvProblems)}");
            Encoding.UTF8.GetString(CanonicalInvoiceJson.ToBytes(fromCsv)).ShouldBe(Encoding.UTF8.GetString(CanonicalInvoiceJson.ToBytes(fromJson.ShouldNotBeNull())));
            csvProblems.Select(p => (p.Code, p.Severity)).ShouldBe(jsonProblems.Select(p => (p.Code, p.Severity)), $"row {i + 1}");
        }
    }

    [Fact]
    public void Read_PlatformExport_CarriesEachRowsPlatformStatus()
    {
        var rows = Read(ExportFixtures.CsvBytes("utf-8"));

        rows.Select(r => r.Draft!.PlatformStatus).ShouldBe(
            [PlatformStatus.Normal, PlatformStatus.Normal, PlatformStatus.Voided, PlatformStatus.Normal, PlatformStatus.Normal, PlatformStatus.PartiallyReversed]);
        rows.ShouldAllBe(r => r.Draft!.IsPartialSource);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void Read_PlatformExport_NumbersRowsByTheirFirstLineAndKeepsTheirBytes(string encoding)
    {
        var bytes = ExportFixtures.CsvBytes(encoding);

        var rows = Read(bytes);

        // Row 2 holds a line break inside a quoted cell, so row 3 starts two lines further on.
        rows.Select(r => r.Number).ShouldBe([4, 5, 7, 8, 9, 10]);
        var lines = Encoding.UTF8.GetString(ExportFixtures.CsvBytes("utf-8")).Split('\n');
        var expected = encoding == "gb18030" ? ExportEncoding.Gb18030.GetBytes(lines[3]) : Encoding.UTF8.GetBytes(lines[3]);
        rows[0].Raw.ShouldBe(expected);
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "数电 number in scientific notation", GoodRow.Replace("24442000000012345678", "2.44420000000123E+19", StringComparison.Ordinal), ErrorCodes.SpreadsheetNumberAsFloat },
        { "tax ID in scientific notation", GoodRow.Replace("914403001922038216", "9.14403E+17", StringComparison.Ordinal), ErrorCodes.SpreadsheetNumberAsFloat },
        { "legacy number with a decimal point", "增值税专用发票,2024-05-20,,4403191130,71500013.0,914403001922038216,,500.00,65.00,565.00,正常,是", ErrorCodes.SpreadsheetNumberAsFloat },
        { "unknown kind", GoodRow.Replace("数电票（普通发票）", "数电票（火车票）", StringComparison.Ordinal), ErrorCodes.TypeUnknown },
        { "impossible date", GoodRow.Replace("2024-05-28", "2024-13-01", StringComparison.Ordinal), ErrorCodes.DateFormat },
        { "day-first date", GoodRow.Replace("2024-05-28", "28/05/2024", StringComparison.Ordinal), ErrorCodes.DateFormat },
        { "date with a broken time", GoodRow.Replace("2024-05-28", "2024-05-28 lunchtime", StringComparison.Ordinal), ErrorCodes.DateFormat },
        { "quote never closed", GoodRow + ",\"open", ErrorCodes.CsvSyntax },
        { "text after a closing quote", GoodRow.Replace("正常", "\"正常\"x", StringComparison.Ordinal), ErrorCodes.CsvSyntax },
        { "red by 是否正数发票, blue by amounts", GoodRow.Replace(",是", ",否", StringComparison.Ordinal), ErrorCodes.RedLetterSign },
        { "blue by 是否正数发票, red by amounts", GoodRow.Replace("100.00,6.00,106.00", "-100.00,-6.00,-106.00", StringComparison.Ordinal), ErrorCodes.RedLetterSign },
        { "total not amount + tax", GoodRow.Replace("106.00", "107.00", StringComparison.Ordinal), ErrorCodes.SumTotal },
        { "control character in a name", GoodRow.Replace("914403001922038216", "9144030019220382\u000116", StringComparison.Ordinal), ErrorCodes.TextControl },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadRow_IsRefusedWithItsCode(string because, string row, string code)
    {
        var rows = Read($"{Header}\n{GoodRow}\n{row}\n");

        rows.Count.ShouldBe(2, because);
        Validate(rows[0]).Invoice.ShouldNotBeNull(because);
        var (invoice, problems) = Validate(rows[1]);
        invoice.ShouldBeNull(because);
        problems.ShouldContain(p => p.Code == code && p.IsError, because + ": " + string.Join("; ", problems));
    }

    [Fact]
    public void Read_UnknownPlatformStatus_AcceptsTheInvoiceWithAWarning()
    {
        var rows = Read($"{Header}\n{GoodRow.Replace("正常", "失控", StringComparison.Ordinal)}\n");

        var (invoice, problems) = Validate(rows.ShouldHaveSingleItem());

        invoice.ShouldNotBeNull();
        rows[0].Draft!.PlatformStatus.ShouldBe(PlatformStatus.Unknown);
        problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.PlatformStatusUnknown);
    }

    [Fact]
    public void Read_RedRowWithoutItsReference_IsAcceptedWithAWarningToComplete()
    {
        var red = GoodRow.Replace("100.00,6.00,106.00", "-100.00,-6.00,-106.00", StringComparison.Ordinal).Replace(",是", ",否", StringComparison.Ordinal);

        var (invoice, problems) = Validate(Read($"{Header}\n{red}\n").ShouldHaveSingleItem());

        invoice.ShouldNotBeNull();
        problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe(ErrorCodes.RedLetterReference),
            p => p.IsError.ShouldBeFalse());
    }

    [Fact]
    public void Read_HeaderWithoutADateColumn_RefusesEveryRowNamingTheColumn()
    {
        var rows = Read("发票票种,数电发票号码,金额,税额\n数电票（普通发票）,24442000000012345678,100.00,6.00\n数电票（普通发票）,24442000000012345679,100.00,6.00\n");

        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.Problems.Any(p => p.Code == ErrorCodes.CsvColumnMissing && p.Field == "开票日期"));
    }

    [Fact]
    public void Read_NoHeaderInTheFirstRows_RefusesTheFileAsOneItem()
    {
        var csv = string.Concat(Enumerable.Range(1, 30).Select(i => $"title {i},a,b\n"));

        var row = Read(csv).ShouldHaveSingleItem();

        row.Draft.ShouldBeNull();
        row.Number.ShouldBe(1);
        row.Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.CsvHeaderNotFound);
    }

    [Fact]
    public void Read_EmptyInput_RefusesItWithHeaderNotFound() =>
        Read("").ShouldHaveSingleItem().Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.CsvHeaderNotFound);

    [Fact]
    public void Read_RowLongerThanTheLimit_RefusesItAloneKeepingLengthAndHash()
    {
        var longRow = GoodRow + "," + new string('x', 5000);
        var csv = $"{Header}\n{longRow}\n{GoodRow.Replace("5678", "5679", StringComparison.Ordinal)}\n";

        var rows = Read(Encoding.UTF8.GetBytes(csv), maxRecordBytes: 1024);

        rows.Count.ShouldBe(2);
        rows[0].Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.InputTooLarge);
        rows[0].RawLength.ShouldBe(Encoding.UTF8.GetByteCount(longRow));
        rows[0].Raw.Length.ShouldBe(1024);
        rows[0].RawSha256.ShouldBe(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(longRow)));
        Validate(rows[1]).Invoice.ShouldNotBeNull();
    }

    [Fact]
    public void Read_RowNotValidInTheFilesEncoding_RefusesThatRowAlone()
    {
        var bad = Encoding.UTF8.GetBytes(GoodRow.Replace("5678", "5679", StringComparison.Ordinal)).Concat(new byte[] { 0xFF, 0xFE }).ToArray();
        byte[] csv = [.. Encoding.UTF8.GetBytes($"{Header}\n{GoodRow}\n"), .. bad, (byte)'\n'];

        var rows = Read(csv);

        rows.Count.ShouldBe(2);
        Validate(rows[0]).Invoice.ShouldNotBeNull();
        rows[1].Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.EncodingInvalid);
        rows[1].Raw.ShouldBe(bad);
    }

    [Fact]
    public void Read_LedgerExportHeaderWithTypeCodesAndStates_ReadsBack()
    {
        var csv = ExportColumns.LedgerExportHeader + "\n24442000000012345678,,32,2024-05-28,914403001922038216,华为技术有限公司,,,100.00,6.00,106.00,,,voided,备注\n";

        var row = Read(csv).ShouldHaveSingleItem();

        var invoice = Validate(row).Invoice.ShouldNotBeNull();
        (invoice.Type, invoice.Remarks, invoice.Seller!.Name).ShouldBe(("32", "备注", "华为技术有限公司"));
        row.Draft!.PlatformStatus.ShouldBe(PlatformStatus.Voided);
    }
}
