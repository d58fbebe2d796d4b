using Fapiao.Accounts;
using Fapiao.Idempotency;

namespace Fapiao.Storage.Specification;

/// <summary>The accounts and idempotency ports, the same on every store.</summary>
public abstract partial class LedgerStoreSpecification<TProvider>
{
    private const string OtherTenant = "globex";

    private IAccountStore Accounts => (IAccountStore)Store;

    private IIdempotencyStore Idempotency => (IIdempotencyStore)Store;

    private static ApiKeyRecord SomeKey(string id, string tenant, Role role = Role.Clerk) =>
        new(id, tenant, role, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task ApiKey_AddedThenFoundById_AsStored()
    {
        var key = SomeKey("00112233aabbccdd", Tenant, Role.Auditor);

        (await Accounts.AddApiKeyAsync(key, CancellationToken.None)).ShouldBeTrue();
        var found = (await Accounts.FindApiKeyAsync(key.Id, CancellationToken.None)).ShouldNotBeNull();

        found.Tenant.ShouldBe(Tenant);
        found.Role.ShouldBe(Role.Auditor);
        found.KeySha256.ShouldBe(key.KeySha256);
        found.CreatedAt.ShouldBe(key.CreatedAt);
        (await Accounts.FindApiKeyAsync("ffffffffffffffff", CancellationToken.None)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task ApiKey_SameIdTwice_SecondRefusedFirstKept()
    {
        await Accounts.AddApiKeyAsync(SomeKey("0000000000000001", Tenant, Role.Viewer), CancellationToken.None);

        (await Accounts.AddApiKeyAsync(SomeKey("0000000000000001", Tenant, Role.Operator), CancellationToken.None)).ShouldBeFalse();
        (await Accounts.FindApiKeyAsync("0000000000000001", CancellationToken.None))!.Role.ShouldBe(Role.Viewer);
    }

    [SkippableFact]
    public async Task ApiKeys_ListedPerTenant()
    {
        await Store.CreateTenantAsync(OtherTenant, Clock.Now, CancellationToken.None);
        await Accounts.AddApiKeyAsync(SomeKey("000000000000000a", Tenant), CancellationToken.None);
        await Accounts.AddApiKeyAsync(SomeKey("000000000000000b", OtherTenant), CancellationToken.None);

        (await Accounts.ListApiKeysAsync(Tenant, CancellationToken.None)).Select(k => k.Id).ShouldBe(["000000000000000a"]);
        (await Accounts.ListApiKeysAsync(OtherTenant, CancellationToken.None)).Select(k => k.Id).ShouldBe(["000000000000000b"]);
    }

    [SkippableFact]
    public async Task User_AddedTwice_SecondRefusedUnlessReplacing()
    {
        await Store.CreateTenantAsync(OtherTenant, Clock.Now, CancellationToken.None);
        var first = new UserRecord("alice", Tenant, Role.Viewer, "hash-1", Clock.Now);

        (await Accounts.SaveUserAsync(first, replace: false, CancellationToken.None)).ShouldBeTrue();
        (await Accounts.SaveUserAsync(first with { PasswordHash = "hash-2" }, replace: false, CancellationToken.None)).ShouldBeFalse();
        (await Accounts.FindUserAsync("alice", CancellationToken.None))!.PasswordHash.ShouldBe("hash-1");

        (await Accounts.SaveUserAsync(first with { Tenant = OtherTenant, Role = Role.Admin, PasswordHash = "hash-3" }, replace: true, CancellationToken.None)).ShouldBeTrue();
        var replaced = (await Accounts.FindUserAsync("alice", CancellationToken.None)).ShouldNotBeNull();
        (replaced.Tenant, replaced.Role, replaced.PasswordHash).ShouldBe((OtherTenant, Role.Admin, "hash-3"));
        (await Accounts.ListUsersAsync(Tenant, CancellationToken.None)).ShouldBeEmpty();
        (await Accounts.ListUsersAsync(OtherTenant, CancellationToken.None)).Select(u => u.Name).ShouldBe(["alice"]);
        (await Accounts.FindUserAsync("bob", CancellationToken.None)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task Accounts_SurviveReopening()
    {
        await Accounts.AddApiKeyAsync(SomeKey("0123456789abcdef", Tenant), CancellationToken.None);
        await Accounts.SaveUserAsync(new UserRecord("carol", Tenant, Role.Reviewer, "hash", Clock.Now), replace: false, CancellationToken.None);

        await using var again = await provider.ReopenAsync(Store);

        (await ((IAccountStore)again).FindApiKeyAsync("0123456789abcdef", CancellationToken.None)).ShouldNotBeNull();
        (await ((IAccountStore)again).FindUserAsync("carol", CancellationToken.None))!.Role.ShouldBe(Role.Reviewer);
    }

    private static readonly byte[] BodyA = [1, 2, 3];
    private static readonly byte[] BodyB = [4, 5, 6];
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public async Task Idempotency_FirstClaimHoldsTheKey_SameBodyInFlight_OtherBodyMismatch()
    {
        (await Idempotency.ClaimAsync(Tenant, "k1", BodyA, Clock.Now, Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.Claimed);

        (await Idempotency.ClaimAsync(Tenant, "k1", BodyA, Clock.Now, Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.InFlight);
        (await Idempotency.ClaimAsync(Tenant, "k1", BodyB, Clock.Now, Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.Mismatch);
    }

    [SkippableFact]
    public async Task Idempotency_Completed_ReplaysTheResponseAcrossProcesses()
    {
        await Idempotency.ClaimAsync(Tenant, "k2", BodyA, Clock.Now, Stale, CancellationToken.None);
        await Idempotency.CompleteAsync(Tenant, "k2", new StoredResponse(200, "application/json", [9, 8, 7]), CancellationToken.None);

        await using var again = await provider.ReopenAsync(Store);
        var claim = await ((IIdempotencyStore)again).ClaimAsync(Tenant, "k2", BodyA, Clock.Now.AddHours(1), Stale, CancellationToken.None);

        claim.Outcome.ShouldBe(ClaimOutcome.Completed);
        claim.Response!.Status.ShouldBe(200);
        claim.Response.ContentType.ShouldBe("application/json");
        claim.Response.Body.ShouldBe(new byte[] { 9, 8, 7 });
        (await ((IIdempotencyStore)again).ClaimAsync(Tenant, "k2", BodyB, Clock.Now, Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.Mismatch);
    }

    [SkippableFact]
    public async Task Idempotency_Released_CanBeClaimedAgain()
    {
        await Idempotency.ClaimAsync(Tenant, "k3", BodyA, Clock.Now, Stale, CancellationToken.None);
        await Idempotency.ReleaseAsync(Tenant, "k3", CancellationToken.None);

        (await Idempotency.ClaimAsync(Tenant, "k3", BodyB, Clock.Now, Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.Claimed);
    }

    [SkippableFact]
    public async Task Idempotency_ClaimNeverCompleted_TakenOverOnceStale()
    {
        await Idempotency.ClaimAsync(Tenant, "k4", BodyA, Clock.Now, Stale, CancellationToken.None);

        (await Idempotency.ClaimAsync(Tenant, "k4", BodyA, Clock.Now + Stale - TimeSpan.FromSeconds(1), Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.InFlight);
        (await Idempotency.ClaimAsync(Tenant, "k4", BodyA, Clock.Now + Stale + TimeSpan.FromSeconds(1), Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.Claimed);
        (await Idempotency.ClaimAsync(Tenant, "k4", BodyA, Clock.Now + Stale + TimeSpan.FromSeconds(2), Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.InFlight);
    }

    [SkippableFact]
    public async Task Idempotency_KeysArePerTenant()
    {
        await Store.CreateTenantAsync(OtherTenant, Clock.Now, CancellationToken.None);
        await Idempotency.ClaimAsync(Tenant, "shared", BodyA, Clock.Now, Stale, CancellationToken.None);
        await Idempotency.CompleteAsync(Tenant, "shared", new StoredResponse(200, "application/json", [1]), CancellationToken.None);

        (await Idempotency.ClaimAsync(OtherTenant, "shared", BodyB, Clock.Now, Stale, CancellationToken.None)).Outcome.ShouldBe(ClaimOutcome.Claimed);
    }

    [SkippableFact]
    public async Task Idempotency_ConcurrentClaims_ExactlyOneWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            (await Idempotency.ClaimAsync(Tenant, "race", BodyA, Clock.Now, Stale, CancellationToken.None)).Outcome)));

        claims.Count(c => c == ClaimOutcome.Claimed).ShouldBe(1);
        claims.Count(c => c == ClaimOutcome.InFlight).ShouldBe(15);
    }
}
