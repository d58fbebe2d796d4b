using Fapiao.Web.Api;

namespace Fapiao.Web.Tests.Api;

/// <summary>The bound on bodies being ingested at once: a body that does not fit waits for one to finish.</summary>
public sealed class BodyBudgetTests
{
    [Fact]
    public async Task Take_OverTheBudget_WaitsUntilALeaseIsReturned()
    {
        using var budget = new BodyBudget(256 << 10);
        var first = await budget.TakeAsync(200 << 10, CancellationToken.None);

        var second = budget.TakeAsync(200 << 10, CancellationToken.None);
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        using var secondLease = await second.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Take_LargerThanTheWholeBudget_TakesAllOfIt_AndCanBeCancelledWhileWaiting()
    {
        using var budget = new BodyBudget(128 << 10);
        var all = await budget.TakeAsync(10 << 20, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = budget.TakeAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        all.Dispose();
        using var again = await budget.TakeAsync(128 << 10, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }
}
