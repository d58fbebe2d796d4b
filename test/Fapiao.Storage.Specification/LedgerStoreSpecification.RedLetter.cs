using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Storage.Specification.Support;
using Fapiao.Validation;

namespace Fapiao.Storage.Specification;

public abstract partial class LedgerStoreSpecification<TProvider>
{
    private const string RedOne = "24112000000000099901";
    private const string RedTwo = "24112000000000099902";
    private const string RedThree = "24112000000000099903";

    [SkippableFact]
    public async Task Ingest_PartialThenRemainingRedLetter_MovesBlueToPartiallyReversedThenReversed()
    {
        await IngestAsync(Invoices.Shudian());

        (await IngestAsync(Invoices.Red(RedOne, Invoices.ShudianNumber, "-400.00", "-24.00")))[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        var partly = await RecordAsync(Invoices.ShudianNumber);
        partly.State.ShouldBe(InvoiceState.PartiallyReversed);
        partly.ReversedTotal.ShouldBe(-424.00m);

        (await IngestAsync(Invoices.Red(RedTwo, Invoices.ShudianNumber, "-600.00", "-36.00")))[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        (await RecordAsync(Invoices.ShudianNumber)).State.ShouldBe(InvoiceState.Reversed);
        (await RecordAsync(RedTwo)).State.ShouldBe(InvoiceState.Normal);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_RedLetterBeyondTheBlueInvoice_IsRejectedAndTheBlueIsUntouched()
    {
        await IngestAsync(Invoices.Shudian());
        await IngestAsync(Invoices.Red(RedOne, Invoices.ShudianNumber, "-900.00", "-54.00"));

        var result = (await IngestAsync(Invoices.Red(RedThree, Invoices.ShudianNumber, "-200.00", "-12.00")))[0];

        result.Outcome.ShouldBe(IngestOutcome.Rejected);
        result.Problems.ShouldContain(p => p.Code == ErrorCodes.RedLetterExceedsOriginal);
        (await Store.GetInvoiceAsync(Tenant, RedThree, CancellationToken.None)).ShouldBeNull();
        (await RecordAsync(Invoices.ShudianNumber)).ReversedTotal.ShouldBe(-954.00m);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_RedLetterBeforeItsBlueInvoice_WarnsThenLinksWhenTheBlueArrives()
    {
        var red = (await IngestAsync(Invoices.Red(RedOne, Invoices.ShudianNumber, "-1000.00", "-60.00")))[0];
        red.Outcome.ShouldBe(IngestOutcome.Accepted);
        red.Problems.ShouldContain(p => p.Code == ErrorCodes.RedLetterOriginalUnknown && p.Severity == Severity.Warning);

        (await IngestAsync(Invoices.Shudian()))[0].Outcome.ShouldBe(IngestOutcome.Accepted);

        var blue = await RecordAsync(Invoices.ShudianNumber);
        blue.State.ShouldBe(InvoiceState.Reversed);
        blue.ReversedTotal.ShouldBe(-1060.00m);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_RedLetterAndItsBlueInTheSameBatch_AreLinkedInEitherOrder()
    {
        var results = await IngestAsync(Invoices.Red(RedOne, Invoices.ShudianNumber, "-100.00", "-6.00"), Invoices.Shudian());

        results.Select(r => r.Outcome).ShouldBe([IngestOutcome.Accepted, IngestOutcome.Accepted]);
        (await RecordAsync(Invoices.ShudianNumber)).State.ShouldBe(InvoiceState.PartiallyReversed);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_RedLetterOfARedInvoice_IsRejected()
    {
        await IngestAsync(Invoices.Shudian(), Invoices.Red(RedOne, Invoices.ShudianNumber, "-100.00", "-6.00"));

        var result = (await IngestAsync(Invoices.Red(RedTwo, RedOne, "-10.00", "-0.60")))[0];

        result.Outcome.ShouldBe(IngestOutcome.Rejected);
        result.Problems.ShouldContain(p => p.Code == ErrorCodes.RedLetterOriginalIsRed);
    }
}
