using System.Text;
using System.Text.Json.Nodes;
using Fapiao.Ingest;
using Fapiao.Reconciliation;
using Fapiao.Storage.Specification.Support;
using Fapiao.Tracing;

namespace Fapiao.Storage.Specification;

/// <summary>Reconciliation runs kept by the store, and trace answering from them, the log and the quarantine.</summary>
public abstract partial class LedgerStoreSpecification<TProvider>
{
    private const string ExportHeader = "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态,是否正数发票";

    private IReconciliationStore Runs => (IReconciliationStore)Store;

    private static string N(int i) => $"2411200000{i:D10}";

    private static string ExportRow(string number, string amount = "1000.00", string tax = "60.00", string total = "1060.00", string status = "正常") =>
        $",,{number},{Invoices.Seller},华为技术有限公司,{Invoices.Buyer},阿里巴巴（中国）有限公司,2024-11-20,{amount},{tax},{total},数电票（专用发票）,{status},是";

    private static ReconInput Export(params string[] rows) =>
        new("platform.csv", new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", [ExportHeader, .. rows]) + "\n")));

    private ReconciliationService Service() => new(Store, Clock);

    private static ReconciliationRun Run(long missing = 0) => new()
    {
        At = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
        Actor = "test",
        LeftName = "ledger",
        LeftSha256 = "00",
        LeftCount = 1,
        RightName = "platform.csv",
        RightSha256 = "11",
        RightCount = 1,
        Matched = 0,
        MissingInLedger = missing,
        MissingInOther = 0,
        Mismatched = 0,
        Duplicates = 0,
        Suggestions = 0,
        Unreadable = 0,
    };

    [SkippableFact]
    public async Task RecordReconciliation_DifferenceStaysOpenUntilARunNoLongerFindsIt()
    {
        var a = new DifferenceFound(N(1), DifferenceClasses.MissingInLedger, new DateOnly(2024, 11, 20), "in platform.csv:2 only");
        var b = new DifferenceFound(N(2), DifferenceClasses.Mismatched, new DateOnly(2024, 11, 20), "total 1.00 / 2.00");

        var first = await Runs.RecordReconciliationAsync(Tenant, Run(), [a, b], CancellationToken.None);
        var second = await Runs.RecordReconciliationAsync(Tenant, Run(), [a], CancellationToken.None);
        var third = await Runs.RecordReconciliationAsync(Tenant, Run(), [], CancellationToken.None);

        (first.Id, first.Opened, first.Closed).ShouldBe((1L, 2L, 0L));
        (second.Id, second.Opened, second.Closed).ShouldBe((2L, 0L, 1L));
        (third.Id, third.Opened, third.Closed).ShouldBe((3L, 0L, 1L));
        var all = await Runs.ListDifferencesAsync(Tenant, null, openOnly: false, CancellationToken.None).ToListAsync();
        all.ShouldBe(
        [
            new KeptDifference(N(1), DifferenceClasses.MissingInLedger, new DateOnly(2024, 11, 20), "in platform.csv:2 only", 1, 2, 3),
            new KeptDifference(N(2), DifferenceClasses.Mismatched, new DateOnly(2024, 11, 20), "total 1.00 / 2.00", 1, 1, 2),
        ], ignoreOrder: true);
        (await Runs.ListReconciliationsAsync(Tenant, CancellationToken.None).Select(r => r.Id).ToListAsync()).ShouldBe([3L, 2L, 1L]);
        (await Runs.GetReconciliationAsync(Tenant, 2, CancellationToken.None))!.ShouldBe(second);
    }

    [SkippableFact]
    public async Task RecordReconciliation_RunOfAnotherPeriod_LeavesTheDifferenceOpen()
    {
        var november = new DifferenceFound(N(1), DifferenceClasses.MissingInOther, new DateOnly(2024, 11, 20), "in ledger only");
        await Runs.RecordReconciliationAsync(Tenant, Run(), [november], CancellationToken.None);

        var december = await Runs.RecordReconciliationAsync(Tenant, Run() with { PeriodFrom = new DateOnly(2024, 12, 1), PeriodTo = new DateOnly(2024, 12, 31) }, [], CancellationToken.None);
        var novemberAgain = await Runs.RecordReconciliationAsync(Tenant, Run() with { PeriodFrom = new DateOnly(2024, 11, 1), PeriodTo = new DateOnly(2024, 11, 30) }, [], CancellationToken.None);

        december.Closed.ShouldBe(0);
        novemberAgain.Closed.ShouldBe(1);
        december.PeriodFrom.ShouldBe(new DateOnly(2024, 12, 1));
    }

    [SkippableFact]
    public async Task ReconciliationRuns_OfAnotherTenant_AreNotSeen()
    {
        (await Store.CreateTenantAsync("other", Clock.Now, CancellationToken.None)).ShouldBeTrue();
        await Runs.RecordReconciliationAsync("other", Run(), [new DifferenceFound(N(1), DifferenceClasses.MissingInLedger, null, "x")], CancellationToken.None);

        (await Runs.ListReconciliationsAsync(Tenant, CancellationToken.None).ToListAsync()).ShouldBeEmpty();
        (await Runs.ListDifferencesAsync(Tenant, null, openOnly: false, CancellationToken.None).ToListAsync()).ShouldBeEmpty();
        (await Runs.GetReconciliationAsync(Tenant, 1, CancellationToken.None)).ShouldBeNull();
        (await Runs.RecordReconciliationAsync(Tenant, Run(), [], CancellationToken.None)).Id.ShouldBe(1);
    }

    [SkippableFact]
    public async Task ListQuarantineByKeys_GivesTheAskedKeysAndOnRequestTheKeyless_InIdOrder_OfItsTenantOnly()
    {
        (await Store.CreateTenantAsync("other", Clock.Now, CancellationToken.None)).ShouldBeTrue();
        // Conflicts keep their key; an item that cannot be read has none.
        await IngestAsync(Invoices.Shudian(N(1)), Invoices.Shudian(N(2)), Invoices.Shudian(N(3)));
        await IngestAsync("other", Invoices.Shudian(N(1)));
        JsonNode Changed(int i)
        {
            var invoice = Invoices.Shudian(N(i));
            invoice["buyer"]!["name"] = "另一家公司";
            return invoice;
        }

        var keyless = new WriteItem(Reader.FromJson("test:broken", "{\"number\":"u8.ToArray()), "test");
        var a = (await IngestAsync(Changed(1)))[0].QuarantineId!.Value;
        var broken = (await Ledger.IngestAsync(Tenant, [keyless], wantReceipts: true, CancellationToken.None))[0].QuarantineId!.Value;
        await IngestAsync(Changed(2));
        var c = (await IngestAsync(Changed(3)))[0].QuarantineId!.Value;
        await IngestAsync("other", Changed(1));

        var keyed = await Store.ListQuarantineByKeysAsync(Tenant, [N(3), N(1), N(9)], keyless: false, CancellationToken.None).ToListAsync();
        var withKeyless = await Store.ListQuarantineByKeysAsync(Tenant, [N(3), N(1)], keyless: true, CancellationToken.None).ToListAsync();

        keyed.Select(i => i.Id).ShouldBe([a, c]);
        keyed.Select(i => i.Key).ShouldBe([N(1), N(3)]);
        withKeyless.Select(i => i.Id).ShouldBe([a, broken, c]);
        withKeyless[1].Key.ShouldBeNull();
        (await Store.ListQuarantineByKeysAsync(Tenant, [], keyless: false, CancellationToken.None).ToListAsync()).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task ImportReconciliations_OfAnotherTenantsRuns_CopiesRunsAndDifferencesVerbatim_OnceAcrossImports()
    {
        (await Store.CreateTenantAsync("copy", Clock.Now, CancellationToken.None)).ShouldBeTrue();
        var a = new DifferenceFound(N(1), DifferenceClasses.MissingInLedger, new DateOnly(2024, 11, 20), "in platform.csv:2 only", 1060.00m);
        var b = new DifferenceFound(N(2), DifferenceClasses.Mismatched, new DateOnly(2024, 11, 21), "total 1.00 / 2.00");
        await Runs.RecordReconciliationAsync(Tenant, Run(1), [a, b], CancellationToken.None);
        await Runs.RecordReconciliationAsync(Tenant, Run() with { PeriodFrom = new DateOnly(2024, 11, 1), PeriodTo = new DateOnly(2024, 11, 30) }, [a], CancellationToken.None);
        var runs = await Runs.ListReconciliationsAsync(Tenant, CancellationToken.None).ToListAsync();
        var differences = await Runs.ListDifferencesAsync(Tenant, null, openOnly: false, CancellationToken.None).ToListAsync();

        var added = await Runs.ImportReconciliationsAsync("copy", runs, differences, CancellationToken.None);
        var again = await Runs.ImportReconciliationsAsync("copy", runs, differences, CancellationToken.None);

        (added, again).ShouldBe((2L, 0L));
        (await Runs.ListReconciliationsAsync("copy", CancellationToken.None).ToListAsync()).ShouldBe(runs);
        (await Runs.ListDifferencesAsync("copy", null, openOnly: false, CancellationToken.None).ToListAsync()).ShouldBe(differences);
        (await Runs.RecordReconciliationAsync("copy", Run(), [], CancellationToken.None)).Id.ShouldBe(3, "the copy's next run follows the copied ones");
        (await Runs.ListDifferencesAsync(Tenant, null, openOnly: true, CancellationToken.None).ToListAsync()).Select(d => d.Key).ShouldBe([N(1)], "the source is untouched");
    }

    [SkippableFact]
    public async Task ReconcileLedger_MonthEnd_ClassifiesEveryDifferenceAndTraceNamesEachCause()
    {
        await IngestAsync([.. Enumerable.Range(1, 6).Select(i => Invoices.Shudian(N(i)))]);
        // 7 was sent and refused (its total is not amount + tax); 1 was sent again with another buyer: a conflict.
        var refused = Invoices.Shudian(N(7), total: "9999.00");
        var other = Invoices.Shudian(N(1));
        other["buyer"]!["name"] = "另一家公司";
        await IngestAsync(refused, other);

        var (result, run) = await Service().ReconcileLedgerAsync(Tenant, "test", [Export(
            ExportRow(N(1)),
            ExportRow(N(2), amount: "900.00", tax: "54.00", total: "954.00"),
            ExportRow(N(3), status: "红冲"),
            ExportRow(N(4)),
            ExportRow(N(7), amount: "700.00", tax: "42.00", total: "742.00"),
            ExportRow(N(8), amount: "2000", tax: "120.0", total: "2120"),
            ExportRow("24112000000000000050"))], null, CancellationToken.None);

        result.Matched.ShouldBe(2);
        result.Mismatched.Select(m => m.Key).ShouldBe([N(2), N(3)]);
        result.Mismatched[1].Fields.ShouldHaveSingleItem().ShouldBe(new FieldMismatch("state", "normal", "reversed"));
        result.MissingInLedger.Select(r => r.Key).ShouldBe([N(7), N(8), "24112000000000000050"]);
        result.MissingInOther.Select(r => r.Key).ShouldBe([N(5), N(6)]);
        result.Suggestions.ShouldHaveSingleItem().ShouldBe(new Suggestion(N(5), "24112000000000000050", SuggestionReasons.AdjacentSwap, result.Suggestions[0].Detail));
        (run.Id, run.Opened, run.MissingInLedger).ShouldBe((1L, 7L, 3L));

        var trace = new TraceService(Store);
        async Task<string[]> Causes(string key) =>
            [.. (await trace.TraceAsync(Tenant, new TraceQuery(key), CancellationToken.None)).Explanations.Select(e => e.Cause)];
        (await Causes(N(7)))[0].ShouldBe(TraceCauses.Rejected);
        (await Causes(N(7))).ShouldContain(TraceCauses.NotSubmitted);
        (await Causes(N(8)))[0].ShouldBe(TraceCauses.NotSubmitted);
        (await Causes("24112000000000000050"))[0].ShouldBe(TraceCauses.Mistyped);
        (await Causes(N(1))).ShouldBe([TraceCauses.InLedger, TraceCauses.Conflict]);
        (await Causes(N(6))).ShouldBe([TraceCauses.InLedger, TraceCauses.NotInOther]);
        (await Causes(N(3))).ShouldBe([TraceCauses.InLedger, TraceCauses.Differs]);
        (await Causes("24112000000000099999")).ShouldBe([TraceCauses.NoTrace]);

        var rejected = (await trace.TraceAsync(Tenant, new TraceQuery(N(7)), CancellationToken.None)).Explanations[0];
        rejected.Evidence.ShouldHaveSingleItem().Source.ShouldBe("test:1");
        rejected.Evidence[0].Cite.ShouldStartWith("quarantine ");
    }

    [SkippableFact]
    public async Task ReconcileLedger_SecondRunAfterTheMissingInvoiceIsIngested_ClosesIt()
    {
        await IngestAsync(Invoices.Shudian(N(1)));
        var (_, first) = await Service().ReconcileLedgerAsync(Tenant, "test", [Export(ExportRow(N(1)), ExportRow(N(2)))], null, CancellationToken.None);
        await IngestAsync(Invoices.Shudian(N(2)));

        var (result, second) = await Service().ReconcileLedgerAsync(Tenant, "test", [Export(ExportRow(N(1)), ExportRow(N(2)))], null, CancellationToken.None);

        first.Opened.ShouldBe(1);
        result.Agrees.ShouldBeTrue();
        second.Closed.ShouldBe(1);
        (await Runs.ListDifferencesAsync(Tenant, null, openOnly: true, CancellationToken.None).ToListAsync()).ShouldBeEmpty();
        (await new TraceService(Store).TraceAsync(Tenant, new TraceQuery(N(2)), CancellationToken.None)).Explanations.Select(e => e.Cause)
            .ShouldBe([TraceCauses.InLedger, TraceCauses.NotSubmitted]);
    }

    [SkippableFact]
    public async Task ReconcileLedger_OneRowRunsAndAKeyThatDoesNotPack_SameClassesInKeyOrder()
    {
        await IngestAsync([.. Enumerable.Range(1, 6).Select(i => Invoices.Shudian(N(i)))]);
        const string LongKey = "2411200000000000000000000001";

        var (result, run) = await new ReconciliationService(Store, Clock, runSize: 1).ReconcileLedgerAsync(Tenant, "test",
            [Export(ExportRow(N(6)), ExportRow(LongKey), ExportRow(N(1)), ExportRow(N(3), total: "1.00"), ExportRow(N(9)))], null, CancellationToken.None);

        result.Matched.ShouldBe(2);
        result.Mismatched.ShouldHaveSingleItem().Fields.ShouldBe([new FieldMismatch("total", "1060.00", "1.00")]);
        result.MissingInLedger.Select(r => r.Key).ShouldBe([LongKey, N(9)]);
        result.MissingInOther.Select(r => r.Key).ShouldBe([N(2), N(4), N(5)]);
        (result.Left.Count, result.Right.Count, run.Opened).ShouldBe((6L, 5L, 6L));
    }
}
