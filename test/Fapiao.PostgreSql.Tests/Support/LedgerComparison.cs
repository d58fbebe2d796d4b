using Fapiao.Storage;

namespace Fapiao.PostgreSql.Tests.Support;

/// <summary>Compares two stores' ledgers of one tenant row for row: log, tree, checkpoints, projection, quarantine.</summary>
internal static class LedgerComparison
{
    public static async Task ShouldHoldTheSameLedgerAsync(this ILedgerStore a, ILedgerStore b, string tenant, bool compareSignatures = true)
    {
        var ct = CancellationToken.None;
        var (headA, headB) = (await a.GetHeadAsync(tenant, ct), await b.GetHeadAsync(tenant, ct));
        (headA.Size, Convert.ToHexString(headA.Frontier), headA.NextQuarantineId).ShouldBe((headB.Size, Convert.ToHexString(headB.Frontier), headB.NextQuarantineId));
        (await AllAsync(a.ReadEventsByKeyAsync(tenant, ct))).Select(e => (e.Index, e.Kind, e.Key, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash)))
            .ShouldBe((await AllAsync(b.ReadEventsByKeyAsync(tenant, ct))).Select(e => (e.Index, e.Kind, e.Key, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash))));
        (await AllAsync(a.ReadNodesAsync(tenant, ct))).Select(n => (n.Level, n.Index, Convert.ToHexString(n.Hash)))
            .ShouldBe((await AllAsync(b.ReadNodesAsync(tenant, ct))).Select(n => (n.Level, n.Index, Convert.ToHexString(n.Hash))));
        (await AllAsync(a.ReadCheckpointsAsync(tenant, ct))).Select(c => (c.Size, c.Body, c.At, Convert.ToHexString(c.Root), compareSignatures ? Convert.ToHexString(c.Signature) : ""))
            .ShouldBe((await AllAsync(b.ReadCheckpointsAsync(tenant, ct))).Select(c => (c.Size, c.Body, c.At, Convert.ToHexString(c.Root), compareSignatures ? Convert.ToHexString(c.Signature) : "")));
        var invoicesA = await AllAsync(a.QueryInvoicesAsync(tenant, new InvoiceQuery(), ct));
        var invoicesB = await AllAsync(b.QueryInvoicesAsync(tenant, new InvoiceQuery(), ct));
        invoicesA.Select(r => r.Key).ShouldBe(invoicesB.Select(r => r.Key));
        foreach (var (x, y) in invoicesA.Zip(invoicesB))
        {
            x.DifferencesFrom(y).ShouldBeEmpty(x.Key);
        }

        (await AllAsync(a.ListQuarantineAsync(tenant, ct))).Select(q => (q.Id, q.Outcome, q.Source, q.Actor, q.Key, q.At, Convert.ToHexString(q.Raw), q.RawLength, q.Problems.Count))
            .ShouldBe((await AllAsync(b.ListQuarantineAsync(tenant, ct))).Select(q => (q.Id, q.Outcome, q.Source, q.Actor, q.Key, q.At, Convert.ToHexString(q.Raw), q.RawLength, q.Problems.Count)));
    }

    public static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
