using System.Text.Json.Nodes;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ledger.Signing;
using Fapiao.Ledger.Verification;
using Fapiao.Storage.Specification.Support;
using Fapiao.Tracing;
using Fapiao.Validation;

namespace Fapiao.Storage.Specification;

public abstract partial class LedgerStoreSpecification<TProvider>
{
    [SkippableFact]
    public async Task Ingest_NewValidInvoice_IsAcceptedWithAReceiptThatVerifiesOffline()
    {
        var result = (await IngestAsync(Invoices.Shudian()))[0];

        result.Outcome.ShouldBe(IngestOutcome.Accepted);
        result.Key.ShouldBe(Invoices.ShudianNumber);
        var receipt = result.Receipt.ShouldNotBeNull();
        receipt.LeafIndex.ShouldBe(0);
        var check = ReceiptVerifier.Verify(receipt, SigningKeyFile.LoadPublic(Ledger.Signer.PublicKeyPem()), Ledger.Validator);
        check.Failures.ShouldBeEmpty();
        (await RecordAsync(Invoices.ShudianNumber)).State.ShouldBe(InvoiceState.Normal);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_SameInvoiceTwice_SecondIsDuplicateWithTheOriginalReceipt()
    {
        var first = (await IngestAsync(Invoices.Shudian()))[0];
        var again = (await IngestAsync(Invoices.Shudian()))[0];

        again.Outcome.ShouldBe(IngestOutcome.Duplicate);
        again.Receipt.ShouldNotBeNull().LeafIndex.ShouldBe(first.Receipt!.LeafIndex);
        again.Receipt.Event.ShouldBe(first.Receipt.Event);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Ingest_AFileOfInvoicesAgain_EveryOneADuplicateWithItsOwnReceiptThatVerifies()
    {
        var invoices = Enumerable.Range(0, 40).Select(i => (JsonNode)Invoices.Shudian($"241120000000000{i:D5}")).ToArray();
        var first = await IngestAsync(invoices);
        await IngestAsync(Invoices.Shudian("24112000000000099999"));

        var again = await IngestAsync(invoices.Select(i => i.DeepClone()).ToArray());

        var key = SigningKeyFile.LoadPublic(Ledger.Signer.PublicKeyPem());
        again.Select(r => r.Outcome).ShouldAllBe(o => o == IngestOutcome.Duplicate);
        for (var i = 0; i < invoices.Length; i++)
        {
            var receipt = again[i].Receipt.ShouldNotBeNull();
            receipt.LeafIndex.ShouldBe(first[i].Receipt!.LeafIndex);
            receipt.Event.ShouldBe(first[i].Receipt!.Event);
            receipt.TreeSize.ShouldBe(invoices.Length + 1);
            ReceiptVerifier.Verify(receipt, key, Ledger.Validator).Failures.ShouldBeEmpty();
        }
    }

    [SkippableFact]
    public async Task Ingest_TheFullInvoiceAgainAfterItEnrichedAQrRecord_IsDuplicateOfTheEnrichment()
    {
        await IngestQrAsync($"01,31,,{Invoices.ShudianNumber},1060.00,20241120,,B2B6");
        var enriched = (await IngestAsync(Invoices.Shudian()))[0];
        enriched.Outcome.ShouldBe(IngestOutcome.Enriched);

        var again = (await IngestAsync(Invoices.Shudian()))[0];

        again.Outcome.ShouldBe(IngestOutcome.Duplicate);
        again.Receipt.ShouldNotBeNull().LeafIndex.ShouldBe(enriched.Receipt!.LeafIndex);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Ingest_SameContentWithOtherKeyOrderAndTrailingZeros_IsDuplicate()
    {
        await IngestAsync(Invoices.Shudian());
        var reordered = JsonNode.Parse("""
            {"total":"1060.0","tax":"60","amount":"1000.000","issueDate":"2024-11-20","type":"31","number":"24112000000000012345",
             "buyer":{"name":"阿里巴巴（中国）有限公司","taxId":"91330100799655058B"},
             "seller":{"name":"华为技术有限公司","taxId":"914403001922038216"},
             "lines":[{"tax":"60.0","taxRate":"6%","amount":"1000","unitPrice":"1000","quantity":"1.00","unit":"项","name":"*信息技术服务*软件开发","spec":""}],
             "remarks":"","code":null}
            """)!;

        (await IngestAsync(reordered))[0].Outcome.ShouldBe(IngestOutcome.Duplicate);
    }

    [SkippableFact]
    public async Task Ingest_ShudianQrThenFullInvoice_EnrichesTheRecord()
    {
        var qr = await IngestQrAsync($"01,31,,{Invoices.ShudianNumber},1060.00,20241120,,B2B6");
        qr.Outcome.ShouldBe(IngestOutcome.Accepted);
        (await RecordAsync(Invoices.ShudianNumber)).SellerTaxId.ShouldBeNull();

        var full = (await IngestAsync(Invoices.Shudian()))[0];

        full.Outcome.ShouldBe(IngestOutcome.Enriched);
        var record = await RecordAsync(Invoices.ShudianNumber);
        record.SellerTaxId.ShouldBe(Invoices.Seller);
        record.ContentIndex.ShouldBe(full.Receipt!.LeafIndex);
        (await IngestQrAsync($"01,31,,{Invoices.ShudianNumber},1060.00,20241120,,B2B6")).Outcome.ShouldBe(IngestOutcome.Duplicate);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_LegacyQrAmountIsBeforeTax_FullInvoiceEnrichesIt()
    {
        var legacy = Invoices.Legacy("011002680026", "71500013");
        legacy["checkCode"] = "03272875819686271285";
        await IngestQrAsync("01,10,011002680026,71500013,1000.00,20241120,03272875819686271285,1818,");

        var result = (await IngestAsync(legacy))[0];

        result.Outcome.ShouldBe(IngestOutcome.Enriched);
        result.Key.ShouldBe("011002680026-71500013");
        (await RecordAsync("011002680026-71500013")).Total.ShouldBe(1060.00m);
    }

    [SkippableFact]
    public async Task Ingest_DifferentBuyerNameForAKnownKey_IsAConflictAndTheOriginalIsUntouched()
    {
        var original = (await IngestAsync(Invoices.Shudian()))[0];
        var changed = Invoices.Shudian();
        changed["buyer"]!["name"] = "另一家公司";

        var result = (await IngestAsync(changed))[0];

        result.Outcome.ShouldBe(IngestOutcome.Conflict);
        result.Problems.ShouldContain(p => p.Code == ErrorCodes.Conflict && p.Field == "buyer.name");
        var record = await RecordAsync(Invoices.ShudianNumber);
        record.ContentIndex.ShouldBe(original.Receipt!.LeafIndex);
        var view = (await Ledger.ShowAsync(Tenant, InvoiceKey.Parse(Invoices.ShudianNumber), CancellationToken.None)).ShouldNotBeNull();
        view.Invoice.Buyer!.Name.ShouldBe("阿里巴巴（中国）有限公司");
        var item = (await Store.GetQuarantineAsync(Tenant, result.QuarantineId!.Value, CancellationToken.None)).ShouldNotBeNull();
        item.Outcome.ShouldBe("conflict");
        item.Key.ShouldBe(Invoices.ShudianNumber);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(1);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_ConflictOnAmount_NamesTheFieldAndBothValues()
    {
        var qr = await IngestQrAsync($"01,31,,{Invoices.ShudianNumber},999.00,20241120,,B2B6");
        qr.Outcome.ShouldBe(IngestOutcome.Accepted);

        var result = (await IngestAsync(Invoices.Shudian()))[0];

        result.Outcome.ShouldBe(IngestOutcome.Conflict);
        var problem = result.Problems.Single(p => p.Code == ErrorCodes.Conflict);
        problem.Field.ShouldBe("total");
        problem.Message.ShouldContain("999.00");
        problem.Message.ShouldContain("1060.00");
    }

    [SkippableFact]
    public async Task Ingest_InvalidInvoice_IsRejectedWithEveryErrorAndKeptVerbatim()
    {
        var bad = Invoices.Shudian();
        bad["seller"]!["taxId"] = "91440300-192203821";
        bad["total"] = "1061.00";
        bad["issueDate"] = "2024-02-30";

        var result = (await IngestAsync(bad))[0];

        result.Outcome.ShouldBe(IngestOutcome.Rejected);
        result.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.DateFormat, ErrorCodes.TaxIdFormat, ErrorCodes.SumTotal], ignoreOrder: true);
        var item = (await Store.GetQuarantineAsync(Tenant, result.QuarantineId!.Value, CancellationToken.None)).ShouldNotBeNull();
        item.Raw.ShouldBe(Invoices.Bytes(bad));
        item.Problems.Count.ShouldBe(3);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Ingest_RejectedItemWithAWellFormedNumber_IsQuarantinedUnderTheKeyItNames()
    {
        var bad = Invoices.Shudian();
        bad["total"] = "1061.00";

        var result = (await IngestAsync(bad))[0];

        result.Outcome.ShouldBe(IngestOutcome.Rejected);
        result.Key.ShouldBe(Invoices.ShudianNumber);
        var found = await ToListAsync(Store.ListQuarantineByKeysAsync(Tenant, [Invoices.ShudianNumber], keyless: false, CancellationToken.None));
        found.Select(q => (q.Id, q.Key)).ShouldBe([(result.QuarantineId!.Value, Invoices.ShudianNumber)]);
    }

    [SkippableFact]
    public async Task Ingest_RejectedLegacyItem_IsQuarantinedUnderItsCodeAndNumberAndTraceFindsIt()
    {
        var bad = Invoices.Legacy("044031900111", "12345678");
        bad["amount"] = "abc";

        var result = (await IngestAsync(bad))[0];

        result.Outcome.ShouldBe(IngestOutcome.Rejected);
        result.Key.ShouldBe("044031900111-12345678");
        // Its bytes spell code and number apart, so only the key it is kept under finds it.
        var answer = await new TraceService(Store).TraceAsync(Tenant, new TraceQuery("044031900111-12345678"), CancellationToken.None);
        answer.Explanations[0].Cause.ShouldBe(TraceCauses.Rejected);
    }

    [SkippableFact]
    public async Task Ingest_RejectedItemWithAMalformedNumber_IsQuarantinedWithoutAKey()
    {
        var bad = Invoices.Shudian("2411200000000000000X");

        var result = (await IngestAsync(bad))[0];

        result.Outcome.ShouldBe(IngestOutcome.Rejected);
        result.Key.ShouldBeNull();
        (await Store.GetQuarantineAsync(Tenant, result.QuarantineId!.Value, CancellationToken.None)).ShouldNotBeNull().Key.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Ingest_BatchWithABadItemInTheMiddle_ProcessesEveryOtherItem()
    {
        var bad = Invoices.Shudian("24112000000000000002");
        bad["type"] = "99";

        var results = await IngestAsync(Invoices.Shudian("24112000000000000001"), bad, Invoices.Shudian("24112000000000000003"));

        results.Select(r => r.Outcome).ShouldBe([IngestOutcome.Accepted, IngestOutcome.Rejected, IngestOutcome.Accepted]);
        results[1].Problems.ShouldContain(p => p.Code == ErrorCodes.TypeUnknown);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_ChecksumWarning_IsAcceptedAndKeptOnTheRecord()
    {
        var warned = Invoices.Shudian();
        warned["seller"]!["taxId"] = "91350203M0001QAY9B";

        var result = (await IngestAsync(warned))[0];

        result.Outcome.ShouldBe(IngestOutcome.Accepted);
        (await RecordAsync(Invoices.ShudianNumber)).Warnings.ShouldContain(w => w.Code == ErrorCodes.TaxIdChecksum && w.Field == "seller.taxId");
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Ingest_SameKeyInTwoTenants_StaysApart()
    {
        (await Store.CreateTenantAsync("other", Clock.Now, CancellationToken.None)).ShouldBeTrue();
        await IngestAsync(Invoices.Shudian());

        (await Store.GetInvoiceAsync("other", Invoices.ShudianNumber, CancellationToken.None)).ShouldBeNull();
        (await IngestAsync("other", Invoices.Shudian()))[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        (await Store.GetHeadAsync("other", CancellationToken.None)).Size.ShouldBe(1);
        (await Ledger.VerifyAsync("other", CancellationToken.None)).Ok.ShouldBeTrue();
    }
}
