using Fapiao.Ledger.Verification;

namespace Fapiao.Storage.Specification;

/// <summary>
/// Reads by key range (verify's parallel key-order pass): ranges that share their bounds read
/// exactly what one read of every key does, and verify split into ranges reports what it reports whole.
/// </summary>
public abstract partial class LedgerStoreSpecification<TProvider>
{
    private static readonly string[] Splits = ["24112000000000000004", "24112000000000010009"];

    [SkippableFact]
    public async Task ReadEventsByKey_RangesSharingTheirBounds_ReadEveryEventOnceInKeyOrder()
    {
        await IngestTamperTargetsAsync();

        var whole = await ToListAsync(Store.ReadEventsByKeyAsync(Tenant, CancellationToken.None));
        var pieces = new List<StoredEvent>();
        foreach (var range in KeyRange.SplitAt(Splits))
        {
            pieces.AddRange(await ToListAsync(Store.ReadEventsByKeyAsync(Tenant, range, CancellationToken.None)));
        }

        whole.Count.ShouldBe(30);
        pieces.Select(e => (e.Index, e.Key)).ShouldBe(whole.Select(e => (e.Index, e.Key)));
    }

    [SkippableFact]
    public async Task ScanEventsByKey_Ranges_GiveTheSameRowsAsTheRecords()
    {
        await IngestTamperTargetsAsync();

        var whole = await ToListAsync(Store.ReadEventsByKeyAsync(Tenant, CancellationToken.None));
        var scanned = new List<(long, string?, string, DateTimeOffset, string, string)>();
        foreach (var range in KeyRange.SplitAt(Splits))
        {
            await foreach (var row in Store.ScanEventsByKeyAsync(Tenant, range, CancellationToken.None))
            {
                scanned.Add((row.Index, row.KeyText, row.KindText, row.At, Convert.ToHexString(row.Bytes.Span), Convert.ToHexString(row.LeafHash)));
            }
        }

        scanned.ShouldBe(whole.Select(e => (e.Index, e.Key, e.Kind, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash))));
    }

    [SkippableFact]
    public async Task ScanEvents_GivesEveryEventInLogOrder()
    {
        await IngestTamperTargetsAsync();

        var records = await ToListAsync(Store.ReadEventsAsync(Tenant, 0, long.MaxValue, CancellationToken.None));
        var scanned = new List<(long, string?, string, DateTimeOffset, string, string)>();
        await foreach (var row in Store.ScanEventsAsync(Tenant, CancellationToken.None))
        {
            scanned.Add((row.Index, row.KeyText, row.KindText, row.At, Convert.ToHexString(row.Bytes.Span), Convert.ToHexString(row.LeafHash)));
        }

        scanned.ShouldBe(records.Select(e => (e.Index, e.Key, e.Kind, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash))));
    }

    [SkippableFact]
    public async Task QueryInvoices_AfterKeyAndUpToKey_SplitTheKeysWithoutGapOrOverlap()
    {
        await IngestTamperTargetsAsync();

        var whole = await ToListAsync(Store.QueryInvoicesAsync(Tenant, new InvoiceQuery(), CancellationToken.None));
        var pieces = new List<InvoiceRecord>();
        foreach (var range in KeyRange.SplitAt(Splits))
        {
            pieces.AddRange(await ToListAsync(Store.QueryInvoicesAsync(Tenant, new InvoiceQuery(AfterKey: range.After, UpToKey: range.UpTo), CancellationToken.None)));
        }

        pieces.Select(r => r.Key).ShouldBe(whole.Select(r => r.Key));
        pieces.Select(r => r.Key).ShouldContain(Splits[0]);
        (await ToListAsync(Store.QueryInvoicesAsync(Tenant, new InvoiceQuery(UpToKey: Splits[0]), CancellationToken.None))).Count.ShouldBe(5);
    }

    [SkippableFact]
    public async Task Verify_SplitIntoKeyRanges_UsesThemAndPassesWithTheSameCounts()
    {
        await IngestTamperTargetsAsync();
        var split = new LedgerVerifier(Store, Ledger.Signer, ranges: 3);

        (await split.RangesAsync(Tenant, CancellationToken.None)).Count.ShouldBe(3);
        var report = await split.VerifyAsync(Tenant, physical: false, CancellationToken.None);

        report.ShouldBe(await new LedgerVerifier(Store, Ledger.Signer, ranges: 1).VerifyAsync(Tenant, physical: false, CancellationToken.None));
        report.Failure.ShouldBeNull();
        report.Invoices.ShouldBe(30);
    }

    [SkippableTheory]
    [InlineData("UPDATE invoices SET total = '1060.01' WHERE key = '24112000000000010005'")]
    [InlineData("UPDATE invoices SET state = 'voided' WHERE key = '24112000000000000000'")]
    [InlineData("UPDATE invoices SET buyer_tax_id = NULL WHERE key = '24112000000000020009'")]
    [InlineData("DELETE FROM invoices WHERE key = '24112000000000000004'")]
    [InlineData("DELETE FROM invoices WHERE key = '24112000000000000005'")]
    [InlineData("UPDATE invoices SET last_index = last_index + 1 WHERE key IN ('24112000000000000001', '24112000000000020008')")]
    [InlineData("UPDATE invoices SET first_index = 99 WHERE key IN ('24112000000000010001', '24112000000000020008')")]
    [InlineData("INSERT INTO invoices SELECT tenant, '24112000000000000004x', state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of, content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings FROM invoices WHERE key = '24112000000000000001'")]
    [InlineData("INSERT INTO invoices SELECT tenant, '24119999999999999999', state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of, content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings FROM invoices WHERE key = '24112000000000000001'")]
    public async Task Verify_SplitIntoKeyRanges_ReportsTheFirstDifferenceAsTheWholePassDoes(string sql)
    {
        await IngestTamperTargetsAsync();
        await ExecuteRawAsync(sql);

        var whole = await new LedgerVerifier(Store, Ledger.Signer, ranges: 1).VerifyAsync(Tenant, physical: false, CancellationToken.None);
        var split = await new LedgerVerifier(Store, Ledger.Signer, ranges: 3).VerifyAsync(Tenant, physical: false, CancellationToken.None);

        whole.Failure.ShouldNotBeNull();
        split.ShouldBe(whole);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
