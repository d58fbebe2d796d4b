using System.Security.Cryptography;
using Fapiao.Accounts;
using Fapiao.Ledger.Signing;
using Fapiao.PostgreSql.Tests.Support;
using Fapiao.Reconciliation;
using Fapiao.Sqlite;
using Fapiao.Storage;
using Fapiao.Storage.Specification.Support;
using Microsoft.Data.Sqlite;

namespace Fapiao.PostgreSql.Tests;

/// <summary>fapiao copy: a whole ledger from SQLite to PostgreSQL and back, identical, resumable.</summary>
public sealed class LedgerCopierTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-copy-").FullName;
    private readonly ManualClock clock = new(PgLedger.Start);
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private PgLedger pg = null!;
    private SqliteLedgerStore source = null!;

    public async Task InitializeAsync()
    {
        pg = await PgLedger.CreateAsync();
        source = new SqliteLedgerStore(Path.Combine(folder, "source.db"));
        await source.InitializeAsync(CancellationToken.None);
        await source.CreateTenantAsync(PgLedger.Tenant, PgLedger.Start, CancellationToken.None);
        await source.CreateTenantAsync("other", PgLedger.Start, CancellationToken.None);
        await using var ledger = new InvoiceLedger(source, new CheckpointSigner(key), clock);
        await MixedSubmissions.IngestAsync(ledger);
        for (var i = 0; i < 3; i++)
        {
            await MixedSubmissions.IngestAsync(ledger, "other", i);
        }
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await pg.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        key.Dispose();
    }

    private async Task<SqliteLedgerStore> NewSqliteAsync(string name)
    {
        var store = new SqliteLedgerStore(Path.Combine(folder, name));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private async Task ShouldVerifyAsync(ILedgerStore store, string tenant)
    {
        // The copied checkpoints are the source's, signed with its key.
        await using var ledger = new InvoiceLedger(store, new CheckpointSigner(key), new ManualClock(PgLedger.Start));
        (await ledger.VerifyAsync(tenant, CancellationToken.None)).Failure.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Copy_SqliteToPostgreSqlAndBack_GivesIdenticalLedgers()
    {
        var reports = await new LedgerCopier(source, pg.Store, clock).CopyAsync(CancellationToken.None);
        await using var back = await NewSqliteAsync("back.db");
        await new LedgerCopier(pg.Store, back, clock).CopyAsync(CancellationToken.None);

        reports.Select(r => r.Tenant).ShouldBe([PgLedger.Tenant, "other"]);
        foreach (var tenant in new[] { PgLedger.Tenant, "other" })
        {
            await ((ILedgerStore)pg.Store).ShouldHoldTheSameLedgerAsync(source, tenant);
            await ((ILedgerStore)back).ShouldHoldTheSameLedgerAsync(source, tenant);
            await ShouldVerifyAsync(pg.Store, tenant);
            await ShouldVerifyAsync(back, tenant);
        }
    }

    [SkippableFact]
    public async Task Copy_InterruptedAfterTheFirstCheckpoint_ResumesWhereItStopped()
    {
        using var stop = new CancellationTokenSource();
        var interrupted = new LedgerCopier(source, pg.Store, clock);
        interrupted.Progress += (_, _, _) => stop.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(() => interrupted.CopyAsync(stop.Token));
        var partial = (await pg.Store.GetHeadAsync(PgLedger.Tenant, CancellationToken.None)).Size;
        var reports = await new LedgerCopier(source, pg.Store, clock).CopyAsync(CancellationToken.None);

        partial.ShouldBeGreaterThan(0);
        partial.ShouldBeLessThan(reports[0].Events);
        reports[0].ResumedAt.ShouldBe(partial);
        await ((ILedgerStore)pg.Store).ShouldHoldTheSameLedgerAsync(source, PgLedger.Tenant);
        await ((ILedgerStore)pg.Store).ShouldHoldTheSameLedgerAsync(source, "other");
        await ShouldVerifyAsync(pg.Store, PgLedger.Tenant);
    }

    [SkippableFact]
    public async Task Copy_AddsTheTenantsUsersApiKeysAndReconciliationRuns_OnceAcrossRuns()
    {
        var created = PgLedger.Start;
        var user = new UserRecord("mei", PgLedger.Tenant, Role.Reviewer, "pbkdf2-sha256$600000$c2FsdA==$aGFzaA==", created);
        var apiKey = new ApiKeyRecord("k1", "other", Role.Clerk, SHA256.HashData("secret"u8), created);
        (await source.SaveUserAsync(user, replace: false, CancellationToken.None)).ShouldBeTrue();
        (await source.AddApiKeyAsync(apiKey, CancellationToken.None)).ShouldBeTrue();
        var run = new ReconciliationRun
        {
            At = created, Actor = "user:mei", LeftName = "ledger", LeftSha256 = "00", LeftCount = 1, RightName = "platform.csv", RightSha256 = "11", RightCount = 0,
            Matched = 0, MissingInLedger = 0, MissingInOther = 1, Mismatched = 0, Duplicates = 0, Suggestions = 0, Unreadable = 0,
        };
        var kept = await source.RecordReconciliationAsync(PgLedger.Tenant, run, [new DifferenceFound("24112000000000000001", DifferenceClasses.MissingInOther, new DateOnly(2024, 11, 20), "in the ledger only")], CancellationToken.None);

        var first = await new LedgerCopier(source, pg.Store, clock).CopyAsync(CancellationToken.None);
        var second = await new LedgerCopier(source, pg.Store, clock).CopyAsync(CancellationToken.None);

        first.Sum(r => r.Users).ShouldBe(1);
        first.Sum(r => r.ApiKeys).ShouldBe(1);
        first.Sum(r => r.Reconciliations).ShouldBe(1);
        second.Sum(r => r.Users + r.ApiKeys + r.Reconciliations).ShouldBe(0);
        (await pg.Store.GetReconciliationAsync(PgLedger.Tenant, kept.Id, CancellationToken.None)).ShouldBe(kept);
        (await pg.Store.ListDifferencesAsync(PgLedger.Tenant, null, openOnly: true, CancellationToken.None).ToListAsync()).ShouldHaveSingleItem().Detail.ShouldBe("in the ledger only");
        (await pg.Store.FindUserAsync("mei", CancellationToken.None)).ShouldBe(user);
        var copiedKey = (await pg.Store.FindApiKeyAsync("k1", CancellationToken.None)).ShouldNotBeNull();
        copiedKey.Tenant.ShouldBe("other");
        copiedKey.Role.ShouldBe(Role.Clerk);
        copiedKey.KeySha256.ShouldBe(apiKey.KeySha256);
    }

    [SkippableFact]
    public async Task Copy_OntoADifferentLog_IsRefused()
    {
        await pg.Store.CreateTenantAsync(PgLedger.Tenant, PgLedger.Start, CancellationToken.None);
        await using (var ledger = new InvoiceLedger(pg.Store, new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)), clock))
        {
            await MixedSubmissions.IngestAsync(ledger, PgLedger.Tenant, 7);
        }

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => new LedgerCopier(source, pg.Store, clock).CopyAsync(CancellationToken.None));

        ex.Message.ShouldContain("not a copy");
    }
}
