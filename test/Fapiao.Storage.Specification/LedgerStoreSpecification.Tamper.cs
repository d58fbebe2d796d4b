using Fapiao.Storage.Specification.Support;

namespace Fapiao.Storage.Specification;

/// <summary>History cannot be rewritten through SQL, and a projection changed behind the ledger's back is found by verify.</summary>
public abstract partial class LedgerStoreSpecification<TProvider>
{
    private async Task IngestTamperTargetsAsync()
    {
        for (var batch = 0; batch < 3; batch++)
        {
            await IngestAsync(Enumerable.Range(0, 10).Select(i => (System.Text.Json.Nodes.JsonNode)Invoices.Shudian($"24112000000000{batch:D2}{i:D4}")).ToArray());
        }

        // One refused item, so the quarantine has a row to aim at.
        var bad = Invoices.Shudian("24112000000000099999");
        bad["type"] = "99";
        await IngestAsync(bad);
    }

    [SkippableTheory]
    [InlineData("UPDATE events SET kind = 'voided' WHERE idx = 3")]
    [InlineData("DELETE FROM events WHERE idx = 29")]
    [InlineData("UPDATE checkpoints SET body = 'forged'")]
    [InlineData("DELETE FROM nodes")]
    [InlineData("UPDATE quarantine SET outcome = 'accepted'")]
    [InlineData("DELETE FROM quarantine")]
    public async Task History_UpdateOrDeleteThroughSql_IsRefusedByTheDatabase(string sql)
    {
        await IngestTamperTargetsAsync();

        var ex = await Should.ThrowAsync<Exception>(() => ExecuteRawAsync(sql));

        ex.Message.ShouldContain("append-only");
        (await Ledger.VerifyAsync(Tenant, CancellationToken.None)).Failure.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Verify_ProjectionChanged_NamesTheInvoice()
    {
        await IngestTamperTargetsAsync();
        await ExecuteRawAsync("UPDATE invoices SET total = '1060.01' WHERE key = '24112000000000010005'");

        var report = await Ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Subject.ShouldBe("invoice");
        report.Failure.Key.ShouldBe("24112000000000010005");
        report.Failure.Message.ShouldContain("total");
    }

    [SkippableFact]
    public async Task Verify_ProjectionRowDeleted_NamesTheMissingInvoice()
    {
        await IngestTamperTargetsAsync();
        await ExecuteRawAsync("DELETE FROM invoices WHERE key = '24112000000000000007'");

        var report = await Ledger.VerifyAsync(Tenant, CancellationToken.None);

        report.Failure.ShouldNotBeNull().Key.ShouldBe("24112000000000000007");
    }

    [SkippableFact]
    public async Task RebuildProjection_AfterTheProjectionWasDamaged_MakesVerifyPassAgain()
    {
        await IngestTamperTargetsAsync();
        await ExecuteRawAsync("UPDATE invoices SET state = 'voided', total = '0.01' WHERE key = '24112000000000010005'");
        await ExecuteRawAsync("DELETE FROM invoices WHERE key = '24112000000000000007'");
        await ExecuteRawAsync("INSERT INTO invoices SELECT tenant, '24119999999999999999', state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of, content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings FROM invoices WHERE key = '24112000000000000001'");
        (await Ledger.VerifyAsync(Tenant, CancellationToken.None)).Ok.ShouldBeFalse();

        var count = await Ledger.RebuildProjectionAsync(Tenant, CancellationToken.None);

        count.ShouldBe(30);
        (await Ledger.VerifyAsync(Tenant, CancellationToken.None)).Failure.ShouldBeNull();
        (await Store.GetInvoiceAsync(Tenant, "24119999999999999999", CancellationToken.None)).ShouldBeNull();
        (await Store.GetInvoiceAsync(Tenant, "24112000000000010005", CancellationToken.None))!.Total.ShouldBe(1060.00m);
    }

    [SkippableFact]
    public async Task Store_ReopenedOnTheSameDatabase_SeesTheSameLedger()
    {
        await IngestTamperTargetsAsync();
        var before = await Store.GetLatestCheckpointAsync(Tenant, CancellationToken.None);

        await using var again = await provider.ReopenAsync(Store);

        (await again.GetLatestCheckpointAsync(Tenant, CancellationToken.None)).ShouldBe(before, new CheckpointComparer());
        (await again.ListTenantsAsync(CancellationToken.None)).ShouldBe([Tenant]);
        (await again.CreateTenantAsync(Tenant, Clock.Now, CancellationToken.None)).ShouldBeFalse();
    }

    private sealed class CheckpointComparer : IEqualityComparer<SignedCheckpoint?>
    {
        public bool Equals(SignedCheckpoint? x, SignedCheckpoint? y) =>
            x is not null && y is not null && x.Size == y.Size && x.Root.SequenceEqual(y.Root) && x.At == y.At && x.Body == y.Body && x.Signature.SequenceEqual(y.Signature);

        public int GetHashCode(SignedCheckpoint? obj) => obj?.Size.GetHashCode() ?? 0;
    }
}
