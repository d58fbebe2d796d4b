using System.Text;
using Fapiao.Domain;
using Fapiao.Formats;
using Fapiao.Formats.Exports;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Tests.Ingest.Inputs;

public sealed class SubmissionReaderRowsTests
{
    private const string Csv = "发票票种,开票日期,数电发票号码,销方识别号,金额,税额,价税合计,发票状态\n" +
        "数电票（普通发票）,2024-05-28,24442000000012345678,914403001922038216,100.00,6.00,106.00,已红冲\n";

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Stands for a reader from outside the core: gives back the rows it was made with.</summary>
    private sealed class CannedRows(params InputRow[] rows) : IInputRowReader
    {
        public IEnumerable<InputRow> Read(Stream stream) => rows;
    }

    private static SubmissionReader CreateSut(IInputRowReader? xlsx = null) =>
        new(new InvoiceValidator(new FixedClock()), xlsx is null ? null : new Dictionary<InputFormat, IInputRowReader> { [InputFormat.Xlsx] = xlsx });

    [Theory]
    [InlineData("Csv")]
    [InlineData("Auto")]
    public void Read_PlatformCsv_CarriesThePlatformStatusOnTheSubmission(string format)
    {
        var submission = CreateSut().Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "export.csv", Enum.Parse<InputFormat>(format)).ToList().ShouldHaveSingleItem();

        submission.Invoice.ShouldNotBeNull(string.Join("; ", submission.Problems));
        submission.Source.ShouldBe("export.csv:2");
        submission.PlatformStatus.ShouldBe(PlatformStatus.Reversed);
    }

    [Fact]
    public void Read_FormatWithAGivenRowReader_ValidatesItsRowsAndKeepsTheirBytes()
    {
        var draft = new InvoiceDraft { Number = "24442000000012345678", Type = "32", IssueDate = "2024-05-28", PlatformStatus = PlatformStatus.Voided, IsPartialSource = true };
        var tooLong = new InputRow(9, [1, 2], 1000, new byte[32], null, [Problem.Error(ErrorCodes.InputTooLarge, "$", "long")]);
        var sut = CreateSut(new CannedRows(new InputRow(7, [42], 1, null, draft, []), tooLong));

        var submissions = sut.Read(new MemoryStream([]), "book.xlsx", InputFormat.Xlsx).ToList();

        submissions.Select(s => s.Source).ShouldBe(["book.xlsx:7", "book.xlsx:9"]);
        submissions[0].Invoice.ShouldNotBeNull().Key.Number.ShouldBe("24442000000012345678");
        submissions[0].PlatformStatus.ShouldBe(PlatformStatus.Voided);
        submissions[1].Invoice.ShouldBeNull();
        submissions[1].RawLength.ShouldBe(1000);
        submissions[1].RawSha256.ShouldBe(new byte[32]);
    }

    [Theory]
    [InlineData("24442000000012345678", "24442000000012345678")]
    [InlineData("2444200000001234567", null)]
    public void Read_RejectedRow_NamesTheKeyItsNumberSpells(string number, string? key)
    {
        var csv = Csv.Replace("24442000000012345678", number, StringComparison.Ordinal).Replace("100.00,6.00", "100.00,7.00", StringComparison.Ordinal);

        var submission = CreateSut().Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "export.csv", InputFormat.Csv).ToList().ShouldHaveSingleItem();

        submission.Invoice.ShouldBeNull();
        submission.Key.ShouldBe(key);
    }

    [Fact]
    public void Read_XlsxWithoutAReader_IsAProgrammingError() =>
        Should.Throw<InvalidOperationException>(() => CreateSut().Read(new MemoryStream([]), "book.xlsx", InputFormat.Xlsx).ToList());

    [Fact]
    public void Read_SeekableInputOfDetectedFormat_IsReadFromItsStart()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csv));

        CreateSut().Read(stream, "export.csv", InputFormat.Auto).ToList().ShouldHaveSingleItem().Invoice.ShouldNotBeNull();
    }
}
