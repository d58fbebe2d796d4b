using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Events;
using Fapiao.Originals;
using Fapiao.Storage.Specification.Support;
using Fapiao.Validation;

namespace Fapiao.Storage.Specification;

/// <summary>Events and quarantined items name their kept original; a resubmission resolves a quarantined item through an event.</summary>
public abstract partial class LedgerStoreSpecification<TProvider>
{
    private OriginalStore NewOriginalStore()
    {
        var folder = Directory.CreateTempSubdirectory("fapiao-spec-originals-").FullName;
        owned.Add(new DeleteFolder(folder));
        return new OriginalStore(folder);
    }

    private sealed class DeleteFolder(string path) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Directory.Delete(path, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Keeps <paramref name="lines"/> as a JSON Lines file and ingests it from the kept copy, as the CLI does.</summary>
    private async Task<(string Sha256, IReadOnlyList<IngestResult> Results)> IngestKeptAsync(OriginalStore originals, long? resolves, params JsonNode[] lines)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.ToJsonString() + "\n")));
        var items = Reader.ReadKept(new MemoryStream(bytes), "upload.jsonl", InputFormat.Auto, originals)
            .Select(s => new WriteItem(s, "test", resolves))
            .ToList();
        var results = await Ledger.IngestAsync(Tenant, items, wantReceipts: false, CancellationToken.None);
        return (Convert.ToHexStringLower(SHA256.HashData(bytes)), results);
    }

    private static JsonObject Invalid(string number)
    {
        var bad = Invoices.Shudian(number);
        bad["type"] = "99";
        return bad;
    }

    [SkippableFact]
    public async Task Ingest_FromAKeptFile_EveryEventAndQuarantinedItemNamesTheOriginalAndItsLine()
    {
        var originals = NewOriginalStore();

        var (sha256, results) = await IngestKeptAsync(originals, null, Invoices.Shudian("24112000000000000001"), Invalid("24112000000000000002"), Invoices.Shudian("24112000000000000003"));

        results.Select(r => r.Outcome).ShouldBe([IngestOutcome.Accepted, IngestOutcome.Rejected, IngestOutcome.Accepted]);
        var first = (await Store.GetEventAsync(Tenant, results[0].LeafIndex!.Value, CancellationToken.None)).ShouldNotBeNull();
        var third = (await Store.GetEventAsync(Tenant, results[2].LeafIndex!.Value, CancellationToken.None)).ShouldNotBeNull();
        EventCodec.Decode(first.Bytes, Ledger.Validator).Original.ShouldBe(new OriginalRef(sha256, "line:1"));
        EventCodec.Decode(third.Bytes, Ledger.Validator).Original.ShouldBe(new OriginalRef(sha256, "line:3"));
        var item = (await Store.GetQuarantineAsync(Tenant, results[1].QuarantineId!.Value, CancellationToken.None)).ShouldNotBeNull();
        item.Original.ShouldBe(new OriginalRef(sha256, "line:2"));
        item.Resolution.ShouldBeNull();
        originals.Check(sha256).ShouldBe(OriginalState.Sound);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Resubmit_CorrectedItem_AppendsQuarantineResolvedAndTheItemSaysHow()
    {
        var originals = NewOriginalStore();
        var (_, rejected) = await IngestKeptAsync(originals, null, Invalid(Invoices.ShudianNumber));
        var id = rejected[0].QuarantineId!.Value;
        Clock.Now += TimeSpan.FromMinutes(5);

        var (sha256, results) = await IngestKeptAsync(originals, id, Invoices.Shudian());

        results[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        var head = await Store.GetHeadAsync(Tenant, CancellationToken.None);
        head.Size.ShouldBe(2);
        var link = (await Store.GetEventAsync(Tenant, 1, CancellationToken.None)).ShouldNotBeNull();
        link.Kind.ShouldBe(EventKinds.QuarantineResolved);
        var decoded = EventCodec.Decode(link.Bytes, Ledger.Validator);
        (decoded.Key, decoded.Quarantine, decoded.Original).ShouldBe((Invoices.ShudianNumber, id, new OriginalRef(sha256, "line:1")));
        var item = (await Store.GetQuarantineAsync(Tenant, id, CancellationToken.None)).ShouldNotBeNull();
        item.Resolution.ShouldBe(new QuarantineResolution(id, 1, Invoices.ShudianNumber, Clock.Now));
        (await Store.ListQuarantineAsync(Tenant, CancellationToken.None).SingleAsync()).Resolution.ShouldBe(item.Resolution);
        (await RecordAsync(Invoices.ShudianNumber)).LastIndex.ShouldBe(1);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Resubmit_InvoiceTheLedgerHasAlready_ResolvesTheItemWithoutRecordingAgain()
    {
        await IngestAsync(Invoices.Shudian());
        var conflict = Invoices.Shudian();
        conflict["buyer"]!["name"] = "另一家公司";
        var id = (await IngestAsync(conflict))[0].QuarantineId!.Value;

        var (_, results) = await IngestKeptAsync(NewOriginalStore(), id, Invoices.Shudian());

        results[0].Outcome.ShouldBe(IngestOutcome.Duplicate);
        (await Store.GetQuarantineAsync(Tenant, id, CancellationToken.None))!.Resolution!.EventIndex.ShouldBe(1);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(2);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Resubmit_CorrectionRejectedAgain_LeavesTheItemOpenAndQuarantinesTheNewProblems()
    {
        var originals = NewOriginalStore();
        var (_, rejected) = await IngestKeptAsync(originals, null, Invalid(Invoices.ShudianNumber));
        var id = rejected[0].QuarantineId!.Value;
        var stillBad = Invoices.Shudian(total: "1061.00");

        var (_, results) = await IngestKeptAsync(originals, id, stillBad);

        results[0].Outcome.ShouldBe(IngestOutcome.Rejected);
        results[0].Problems.ShouldContain(p => p.Code == ErrorCodes.SumTotal);
        results[0].QuarantineId.ShouldNotBe(id);
        (await Store.GetQuarantineAsync(Tenant, id, CancellationToken.None))!.Resolution.ShouldBeNull();
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Resubmit_ItemResolvedAlready_IsAWarningAndNothingIsLinkedTwice()
    {
        var originals = NewOriginalStore();
        var id = (await IngestKeptAsync(originals, null, Invalid(Invoices.ShudianNumber))).Results[0].QuarantineId!.Value;
        await IngestKeptAsync(originals, id, Invoices.Shudian());

        var (_, again) = await IngestKeptAsync(originals, id, Invoices.Shudian("24112000000000000009"));

        again[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        again[0].Problems.ShouldContain(p => p.Code == ErrorCodes.QuarantineResolved && !p.IsError);
        (await Store.GetQuarantineAsync(Tenant, id, CancellationToken.None))!.Resolution!.Key.ShouldBe(Invoices.ShudianNumber);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(3);
        await ShouldVerifyAsync();
    }

    [SkippableFact]
    public async Task Resubmit_UnknownItem_IsAWarningAndLinksNothing()
    {
        var (_, results) = await IngestKeptAsync(NewOriginalStore(), 42, Invoices.Shudian());

        results[0].Outcome.ShouldBe(IngestOutcome.Accepted);
        results[0].Problems.ShouldContain(p => p.Code == ErrorCodes.QuarantineUnknown);
        (await Store.GetHeadAsync(Tenant, CancellationToken.None)).Size.ShouldBe(1);
    }

    [SkippableTheory]
    [InlineData("UPDATE quarantine_resolutions SET key = 'forged'")]
    [InlineData("DELETE FROM quarantine_resolutions")]
    public async Task Resolution_UpdateOrDeleteThroughSql_IsRefusedByTheDatabase(string sql)
    {
        var originals = NewOriginalStore();
        var id = (await IngestKeptAsync(originals, null, Invalid(Invoices.ShudianNumber))).Results[0].QuarantineId!.Value;
        await IngestKeptAsync(originals, id, Invoices.Shudian());

        var ex = await Should.ThrowAsync<Exception>(() => ExecuteRawAsync(sql));

        ex.Message.ShouldContain("append-only");
        (await Store.GetQuarantineAsync(Tenant, id, CancellationToken.None))!.Resolution.ShouldNotBeNull();
    }
}
