using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.Storage.Specification.Support;
using Fapiao.Storage;

namespace Fapiao.Storage.Specification;

/// <summary>
/// The storage specification: the ingest semantics, proofs, verify, quarantine and concurrency,
/// written once and bound to each store by a one-line sealed subclass.
/// </summary>
public abstract partial class LedgerStoreSpecification<TProvider> : IAsyncLifetime
    where TProvider : IStoreProvider, new()
{
    protected const string Tenant = "acme";
    private readonly TProvider provider = new();
    private readonly List<IAsyncDisposable> owned = [];

    private protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    private protected ILedgerStore Store { get; private set; } = null!;

    private protected InvoiceLedger Ledger { get; private set; } = null!;

    private protected SubmissionReader Reader => new(Ledger.Validator);

    public async Task InitializeAsync()
    {
        Store = await provider.CreateAsync();
        (await Store.CreateTenantAsync(Tenant, Clock.Now, CancellationToken.None)).ShouldBeTrue();
        Ledger = new InvoiceLedger(Store, new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)), Clock);
        owned.Add(Ledger);
        owned.Add(Store);
    }

    public async Task DisposeAsync()
    {
        foreach (var d in owned)
        {
            await d.DisposeAsync();
        }

        await provider.DisposeAsync();
    }

    private protected Task ExecuteRawAsync(string sql) => provider.ExecuteRawAsync(Store, sql);

    private protected async Task<IReadOnlyList<IngestResult>> IngestAsync(params JsonNode[] invoices) =>
        await IngestAsync(Tenant, invoices);

    private protected async Task<IReadOnlyList<IngestResult>> IngestAsync(string tenant, params JsonNode[] invoices)
    {
        var items = invoices.Select((json, i) => new WriteItem(Reader.FromJson($"test:{i + 1}", Invoices.Bytes(json)), "test")).ToList();
        return await Ledger.IngestAsync(tenant, items, wantReceipts: true, CancellationToken.None);
    }

    private protected async Task<IngestResult> IngestQrAsync(string qr) =>
        (await Ledger.IngestAsync(Tenant, [new WriteItem(Reader.FromQr("qr:1", System.Text.Encoding.UTF8.GetBytes(qr)), "test")], true, CancellationToken.None))[0];

    private protected async Task<InvoiceRecord> RecordAsync(string key) =>
        (await Store.GetInvoiceAsync(Tenant, key, CancellationToken.None)).ShouldNotBeNull();

    private protected async Task ShouldVerifyAsync()
    {
        var report = await Ledger.VerifyAsync(Tenant, CancellationToken.None);
        report.Failure.ShouldBeNull();
    }
}
