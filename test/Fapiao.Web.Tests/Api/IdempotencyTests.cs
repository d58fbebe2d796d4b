using System.Net;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>Idempotency-Key on POST: replay, 422 for another body, 409 while in flight; per tenant; across restarts.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<long> LogSizeAsync(string tenant = "acme") => (await app.Ledger.Store.GetHeadAsync(tenant, CancellationToken.None)).Size;

    [Fact]
    public async Task SameKeySameBody_ReplaysTheFirstResponseByteForByte()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        var body = SomeInvoices.Array(SomeInvoices.Json(3));

        var first = await clerk.PostInvoicesAsync(body, "batch-1");
        var again = await clerk.PostInvoicesAsync(body, "batch-1");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await LogSizeAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task SameKeyOtherBody_Is422_AndNothingOfItRecorded()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        await clerk.PostInvoicesAsync(SomeInvoices.Json(1)[0], "k");

        var response = await clerk.PostInvoicesAsync(SomeInvoices.Json(1)[0], "k");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.mismatch");
        (await LogSizeAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task SameKeyWhileTheFirstIsRunning_Is409_ThenReplays()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        var body = SomeInvoices.Json(1)[0];
        // The writer is held after its commit, before it hands the outcomes back: the first request stays in flight.
        using var release = new ManualResetEventSlim();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Hold(string tenant, int items, int events)
        {
            committed.TrySetResult();
            release.Wait(TimeSpan.FromMinutes(1));
        }

        app.Ledger.Writer.BatchCommitted += Hold;
        var first = clerk.PostInvoicesAsync(body, "slow");
        await committed.Task.WaitAsync(TimeSpan.FromMinutes(1));

        await (await clerk.PostInvoicesAsync(body, "slow")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.inFlight");

        release.Set();
        app.Ledger.Writer.BatchCommitted -= Hold;
        (await first).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replay = await clerk.PostInvoicesAsync(body, "slow");
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await LogSizeAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ConcurrentSameKey_OneRunsTheOthersWaitOrReplay_NoDuplicates()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        var body = SomeInvoices.Array(SomeInvoices.Json(50));

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => clerk.PostInvoicesAsync(body, "race")));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        var original = await responses.Single(r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains("Idempotent-Replayed")).Content.ReadAsByteArrayAsync();
        foreach (var replayed in responses.Where(r => r.Headers.Contains("Idempotent-Replayed")))
        {
            (await replayed.Content.ReadAsByteArrayAsync()).ShouldBe(original);
        }

        (await LogSizeAsync()).ShouldBe(50);
    }

    [Fact]
    public async Task KeysArePerTenant()
    {
        var acme = await app.ClientAsync("acme", Role.Clerk);
        var globex = await app.ClientAsync("globex", Role.Clerk);

        (await acme.PostInvoicesAsync(SomeInvoices.Json(1)[0], "shared")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await globex.PostInvoicesAsync(SomeInvoices.Json(1)[0], "shared");

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await LogSizeAsync("globex")).ShouldBe(1);
    }

    [Fact]
    public async Task ReplayHoldsAcrossARestart()
    {
        var body = SomeInvoices.Array(SomeInvoices.Json(2));
        var key = await app.KeyAsync("acme", Role.Clerk);
        var first = await (await app.ClientWithKey(key).PostInvoicesAsync(body, "durable")).Content.ReadAsByteArrayAsync();

        app = await app.RestartAsync();
        var again = await app.ClientWithKey(key).PostInvoicesAsync(body, "durable");

        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBe(first);
        (await LogSizeAsync()).ShouldBe(2);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("tab\there")]
    public async Task MalformedKey_Is400(string key) => await MalformedKeyAsync(key);

    [Fact]
    public async Task OverlongKey_Is400() => await MalformedKeyAsync(new string('k', 256));

    private async Task MalformedKeyAsync(string key)
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/invoices") { Content = Http.JsonBody(SomeInvoices.Json(1)[0]) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await (await clerk.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
        (await LogSizeAsync()).ShouldBe(0);
    }
}
