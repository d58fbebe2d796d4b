namespace Fapiao.Web.Api;

/// <summary>
/// Bounds the request bodies being ingested at once (to <see cref="Hosting.WebOptions.BodyBudgetBytes"/>,
/// at least one largest body), so that many concurrent uploads queue instead of exhausting the
/// process's memory: a body and what is made of it (submissions, outcomes, receipts) live until
/// the answer is sent. Taken in 64 KiB units; one taker at a time, so partial takes cannot deadlock.
/// </summary>
internal sealed class BodyBudget(long totalBytes) : IDisposable
{
    private const long Unit = 64 << 10;
    private readonly int totalUnits = (int)Math.Max(1, Math.Min(int.MaxValue, totalBytes / Unit));
    private readonly SemaphoreSlim units = new((int)Math.Max(1, Math.Min(int.MaxValue, totalBytes / Unit)));
    private readonly SemaphoreSlim taker = new(1, 1);

    /// <summary>Waits until <paramref name="bytes"/> fit; dispose the lease when the answer is made.</summary>
    public async Task<IDisposable> TakeAsync(long bytes, CancellationToken ct)
    {
        var wanted = (int)Math.Clamp((bytes + Unit - 1) / Unit, 1, totalUnits);
        var taken = 0;
        await taker.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (; taken < wanted; taken++)
            {
                await units.WaitAsync(ct).ConfigureAwait(false);
            }
        }
        catch
        {
            if (taken > 0)
            {
                units.Release(taken);
            }

            throw;
        }
        finally
        {
            taker.Release();
        }

        return new Lease(units, wanted);
    }

    public void Dispose()
    {
        units.Dispose();
        taker.Dispose();
    }

    private sealed class Lease(SemaphoreSlim units, int count) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                units.Release(count);
            }
        }
    }
}
