using System.Text.Json.Nodes;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.Storage.Specification;

/// <summary>
/// Two writers on one database (two processes): each must see what the other wrote since its own
/// last batch, whatever it remembers of the tenant's keys between batches.
/// </summary>
public abstract partial class LedgerStoreSpecification<TProvider>
{
    private const string OtherNumber = "24112000000000099999";

    [SkippableFact]
    public async Task Ingest_AKeyAnotherWriterRecordedSinceThisWritersLastBatch_IsDuplicate()
    {
        await using var other = await OtherWriterAsync();
        (await IngestAsync(Invoices.Shudian()))[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        (await IngestWithAsync(other, Invoices.Shudian(OtherNumber)))[0].Outcome.ShouldBe(IngestOutcome.Accepted);

        (await IngestAsync(Invoices.Shudian(OtherNumber)))[0].Outcome.ShouldBe(IngestOutcome.Duplicate);
        (await IngestWithAsync(other, Invoices.Shudian()))[0].Outcome.ShouldBe(IngestOutcome.Duplicate);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(2);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_BlueInvoiceOfARedLetterAnotherWriterRecorded_IsReversed()
    {
        await using var other = await OtherWriterAsync();
        (await IngestAsync(Invoices.Shudian(OtherNumber)))[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        (await IngestWithAsync(other, Invoices.Red(RedOne, Invoices.ShudianNumber, "-1000.00", "-60.00")))[0].Outcome.ShouldBe(IngestOutcome.Accepted);

        (await IngestAsync(Invoices.Shudian()))[0].Outcome.ShouldBe(IngestOutcome.Accepted);

        (await RecordAsync(Invoices.ShudianNumber)).State.ShouldBe(InvoiceState.Reversed);
        await ShouldVerifyAsync();
    }

    private async Task<OtherLedger> OtherWriterAsync()
    {
        var store = await provider.ReopenAsync(Store);
        return new OtherLedger(store, new InvoiceLedger(store, Ledger.Signer, Clock));
    }

    private async Task<IReadOnlyList<IngestResult>> IngestWithAsync(OtherLedger other, params JsonNode[] invoices)
    {
        var items = invoices.Select((json, i) => new WriteItem(Reader.FromJson($"other:{i + 1}", Invoices.Bytes(json)), "test")).ToList();
        return await other.Ledger.IngestAsync(Tenant, items, wantReceipts: false, CancellationToken.None);
    }

    private sealed record OtherLedger(ILedgerStore Store, InvoiceLedger Ledger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Ledger.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
