using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Storage.Specification.Support;
using Fapiao.Validation;

namespace Fapiao.Storage.Specification;

public abstract partial class LedgerStoreSpecification<TProvider>
{
    private const string PaperKey = "4403241310-00000042";

    private static System.Text.Json.Nodes.JsonObject PaperOrdinary()
    {
        var paper = Invoices.Shudian("00000042");
        paper["code"] = "4403241310";
        paper["type"] = "04";
        return paper;
    }

    /// <summary>A row of a platform export: the invoice and the state the platform reports for it.</summary>
    private async Task<IngestResult> IngestWithStatusAsync(System.Text.Json.Nodes.JsonObject invoice, PlatformStatus status)
    {
        var parsed = Reader.FromJson("export:2", Invoices.Bytes(invoice));
        var row = new Submission
        {
            Source = parsed.Source,
            Raw = parsed.Raw,
            RawLength = parsed.RawLength,
            Invoice = parsed.Invoice,
            CanonicalBytes = parsed.CanonicalBytes,
            Problems = parsed.Problems,
            PlatformStatus = status,
        };
        return (await Ledger.IngestAsync(Tenant, [new WriteItem(row, "test")], wantReceipts: true, CancellationToken.None))[0];
    }

    [SkippableFact]
    public async Task Ingest_PaperInvoiceTheExportSaysVoided_IsRecordedThenVoidedOnce()
    {
        var first = await IngestWithStatusAsync(PaperOrdinary(), PlatformStatus.Voided);

        first.Outcome.ShouldBe(IngestOutcome.Accepted);
        (await RecordAsync(PaperKey)).State.ShouldBe(InvoiceState.Voided);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(2);

        var again = await IngestWithStatusAsync(PaperOrdinary(), PlatformStatus.Voided);

        again.Outcome.ShouldBe(IngestOutcome.Duplicate);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(2);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_ElectronicInvoiceTheExportSaysVoided_WarnsAndRecordsNoVoid()
    {
        var result = await IngestWithStatusAsync(Invoices.Shudian(), PlatformStatus.Voided);

        result.Outcome.ShouldBe(IngestOutcome.Accepted);
        result.Problems.ShouldContain(p => p.Code == ErrorCodes.VoidElectronic && p.Severity == Severity.Warning);
        (await RecordAsync(Invoices.ShudianNumber)).State.ShouldBe(InvoiceState.Normal);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Ingest_ExportSaysReversedButNoRedLetterIsKnown_WarnsForReconciliation()
    {
        var result = await IngestWithStatusAsync(Invoices.Shudian(), PlatformStatus.Reversed);

        result.Outcome.ShouldBe(IngestOutcome.Accepted);
        result.Problems.ShouldContain(p => p.Code == ErrorCodes.PlatformStateDiffers);
        (await RecordAsync(Invoices.ShudianNumber)).State.ShouldBe(InvoiceState.Normal);
        await ShouldVerifyAsync();
    }
}
