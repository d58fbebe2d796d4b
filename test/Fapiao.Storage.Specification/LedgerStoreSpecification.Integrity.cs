using Fapiao.Ingest;
using Fapiao.Ledger;
using Fapiao.Ledger.Signing;
using Fapiao.Ledger.Verification;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.Storage.Specification;

public abstract partial class LedgerStoreSpecification<TProvider>
{
    private async Task IngestManyAsync(int count, int batches)
    {
        for (var b = 0; b < batches; b++)
        {
            var batch = Enumerable.Range(0, count).Select(i => Invoices.Shudian($"2411200000{b:D4}{i:D6}")).ToArray();
            (await IngestAsync(batch)).ShouldAllBe(r => r.Outcome == IngestOutcome.Accepted);
        }
    }

    [SkippableFact]
    public async Task Consistency_BetweenAnyTwoSizes_Verifies()
    {
        await IngestManyAsync(37, 3);
        var size = (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size;

        foreach (var (m, n) in new[] { (1L, size), (16L, 17L), (37L, 74L), (50L, size), (size, size) })
        {
            var view = await Ledger.ConsistencyAsync(Tenant, m, n, CancellationToken.None);
            MerkleVerifier.VerifyConsistency(m, n, view.Proof, view.Root1, view.Root2).ShouldBeTrue($"{m}..{n}");
        }
    }

    [SkippableFact]
    public async Task Receipt_OfEveryInvoice_VerifiesAgainstTheLatestCheckpoint()
    {
        await IngestManyAsync(20, 2);
        var latest = (await Store.GetLatestCheckpointAsync(Tenant, CancellationToken.None)).ShouldNotBeNull();

        await foreach (var record in Store.QueryInvoicesAsync(Tenant, new Storage.InvoiceQuery(), CancellationToken.None))
        {
            var receipt = (await Ledger.ReceiptAsync(Tenant, Domain.InvoiceKey.Parse(record.Key), CancellationToken.None)).ShouldNotBeNull();
            receipt.TreeSize.ShouldBe(latest.Size);
            MerkleVerifier.VerifyInclusion(receipt.LeafIndex, receipt.TreeSize, receipt.LeafHash, receipt.InclusionProof, latest.Root).ShouldBeTrue(record.Key);
        }
    }

    [SkippableFact]
    public async Task Verify_AfterManyBatches_PassesAndCountsEverything()
    {
        await IngestManyAsync(50, 4);

        var report = await Ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldBeNull();
        report.Events.ShouldBe(200);
        report.Invoices.ShouldBe(200);
        report.Checkpoints.ShouldBe(4);
    }

    [SkippableFact]
    public async Task Ingest_ConcurrentSubmitters_ShareGroupCommitsAndLoseNothing()
    {
        var batches = new List<int>();
        Ledger.Writer.BatchCommitted += (_, items, _) => { lock (batches) { batches.Add(items); } };

        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() => IngestAsync(Invoices.Shudian($"241120000000{i:D8}")))).ToArray();
        var results = (await Task.WhenAll(tasks)).SelectMany(r => r).ToList();

        results.ShouldAllBe(r => r.Outcome == IngestOutcome.Accepted);
        results.Select(r => r.Receipt!.LeafIndex).Distinct().Count().ShouldBe(64);
        var key = SigningKeyFile.LoadPublic(Ledger.Signer.PublicKeyPem());
        results.ShouldAllBe(r => ReceiptVerifier.Verify(r.Receipt!, key, Ledger.Validator).Failures.Count == 0);
        batches.Sum().ShouldBe(64);
        batches.Max().ShouldBeGreaterThan(1, "concurrent submitters should share a commit");
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(64);
        await ShouldVerifyAsync();
    }
}
