using Fapiao.Ledger;

namespace Fapiao.Tests.Ledger.Support;

internal static class Frontiers
{
    /// <summary>The frontier of a log of these leaf hashes, appended one by one.</summary>
    public static MerkleFrontier Of(IEnumerable<byte[]> leafHashes)
    {
        var frontier = new MerkleFrontier();
        foreach (var leaf in leafHashes)
        {
            frontier.Append(leaf);
        }

        return frontier;
    }
}
