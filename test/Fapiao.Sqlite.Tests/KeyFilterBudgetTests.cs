using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.Sqlite.Tests;

/// <summary>
/// The writer's key filters of all tenants together stay within the store's budget: a service
/// with many large tenants drops the least recently used tenants' filters, and those tenants'
/// writes still find every key (by exact lookups).
/// </summary>
public sealed class KeyFilterBudgetTests : IAsyncLifetime
{
    // The smallest pair of filters one tenant gets: 128 KiB of keys and 8 KiB of red-letter references.
    private const long OneTenantsFilters = (TenantKeys.MinKeys * 16L / 8) + (TenantKeys.MinRedLetters * 16L / 8);

    private const string Other = "24112000000000099999";

    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-filters-").FullName;
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly List<IAsyncDisposable> owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            await item.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Ingest_MoreTenantsThanTheBudgetHolds_KeepsOnlyTheMostRecentlyUsedFilters()
    {
        var (store, ledger) = await OpenAsync(budget: OneTenantsFilters + (OneTenantsFilters / 2), "a", "b", "c");

        (await IngestAsync(ledger, "a", Invoices.Shudian())).ShouldBe(IngestOutcome.Accepted);
        (await IngestAsync(ledger, "b", Invoices.Shudian())).ShouldBe(IngestOutcome.Accepted);
        (await IngestAsync(ledger, "c", Invoices.Shudian())).ShouldBe(IngestOutcome.Accepted);

        var (tenants, bytes) = store.KeyFilterUse;
        tenants.ShouldBe(["c"]);
        bytes.ShouldBe(OneTenantsFilters);
    }

    [Fact]
    public async Task Ingest_IntoATenantWhoseFiltersWereDropped_StillFindsItsKeys()
    {
        var (store, ledger) = await OpenAsync(budget: OneTenantsFilters, "a", "b");
        (await IngestAsync(ledger, "a", Invoices.Shudian())).ShouldBe(IngestOutcome.Accepted);
        (await IngestAsync(ledger, "b", Invoices.Shudian(Other))).ShouldBe(IngestOutcome.Accepted);
        store.KeyFilterUse.Tenants.ShouldBe(["b"]);

        (await IngestAsync(ledger, "a", Invoices.Shudian())).ShouldBe(IngestOutcome.Duplicate);
        var renamed = Invoices.Shudian();
        renamed["seller"]!["name"] = "另一家有限公司";
        (await IngestAsync(ledger, "a", renamed)).ShouldBe(IngestOutcome.Conflict);
        (await IngestAsync(ledger, "a", Invoices.Shudian(Other))).ShouldBe(IngestOutcome.Accepted);
        (await IngestAsync(ledger, "b", Invoices.Shudian(Other))).ShouldBe(IngestOutcome.Duplicate);
    }

    [Fact]
    public async Task Ingest_WithinTheDefaultBudget_KeepsEveryTenantsFilters()
    {
        var (store, ledger) = await OpenAsync(SqliteLedgerStore.DefaultKeyFilterBudget, "a", "b", "c");

        foreach (var tenant in new[] { "a", "b", "c" })
        {
            (await IngestAsync(ledger, tenant, Invoices.Shudian())).ShouldBe(IngestOutcome.Accepted);
        }

        var (tenants, bytes) = store.KeyFilterUse;
        tenants.Order().ShouldBe(["a", "b", "c"]);
        bytes.ShouldBe(3 * OneTenantsFilters);
    }

    private async Task<(SqliteLedgerStore Store, InvoiceLedger Ledger)> OpenAsync(long budget, params string[] tenants)
    {
        var store = new SqliteLedgerStore(Path.Combine(folder, "ledger.db"), budget);
        owned.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        foreach (var tenant in tenants)
        {
            (await store.CreateTenantAsync(tenant, clock.Now, CancellationToken.None)).ShouldBeTrue();
        }

        var ledger = new InvoiceLedger(store, new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)), clock);
        owned.Add(ledger);
        return (store, ledger);
    }

    private static async Task<IngestOutcome> IngestAsync(InvoiceLedger ledger, string tenant, JsonNode invoice)
    {
        var submission = new SubmissionReader(ledger.Validator).FromJson("test:1", Invoices.Bytes(invoice));
        var results = await ledger.IngestAsync(tenant, [new WriteItem(submission, "test")], wantReceipts: false, CancellationToken.None);
        return results.Single().Outcome;
    }
}
