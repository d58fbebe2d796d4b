using System.Runtime.ExceptionServices;

namespace Fapiao.Ingest;

/// <summary>Independent work items run on every core, the calling thread taking part; done when all are.</summary>
internal static class OnEveryCore
{
    private static readonly ParallelOptions Options = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>; an exception comes out as itself, not wrapped.</summary>
    public static void For(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, Options, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
