using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fapiao.Accounts;
using Fapiao.Formats.Json;
using Fapiao.Reconciliation;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>
/// POST/GET /api/v1/reconciliations and GET /api/v1/trace/{key} on a real app and SQLite file:
/// the same classification as the core use case, runs kept and closed, trace's causes and originals,
/// roles and the body limit.
/// </summary>
public sealed class ReconciliationApiTests : IAsyncLifetime
{
    private const string Header = "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态,是否正数发票";
    private TestApp app = null!;
    private HttpClient acme = null!;
    private List<JsonObject> invoices = null!;
    private string[] keys = null!;
    private string lines = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        acme = await app.ClientAsync("acme", Role.Admin);
        var json = SomeInvoices.Json(4);
        invoices = json.Select(j => JsonNode.Parse(j)!.AsObject()).ToList();
        lines = SomeInvoices.Lines(json);
        var posted = await (await acme.PostAsync("/api/v1/files", new MultipartFormDataContent { { new StringContent(lines), "file", "month.jsonl" } })).ShouldBeAsync(HttpStatusCode.OK);
        keys = posted.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray();
        keys.Length.ShouldBe(4);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>A platform export row (the columns of 全电发票查询导出) for one of the invoices, optionally with another total.</summary>
    private static string Row(JsonObject invoice, string? total = null)
    {
        var code = (string?)invoice["code"];
        var number = (string)invoice["number"]!;
        return string.Join(",",
            code ?? "", code is null ? "" : number, code is null ? number : "",
            (string)invoice["seller"]!["taxId"]!, "销方", (string?)invoice["buyer"]?["taxId"] ?? "", "购方",
            (string)invoice["issueDate"]!, (string)invoice["amount"]!, (string)invoice["tax"]!, total ?? (string)invoice["total"]!,
            "数电票（普通发票）", "正常", "是");
    }

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    /// <summary>An invoice the ledger does not hold, as an export row.</summary>
    private static JsonObject Stranger() => JsonNode.Parse(SomeInvoices.Json(1)[0])!.AsObject();

    private static string KeyOf(JsonObject invoice) =>
        (string?)invoice["code"] is { } code ? $"{code}-{(string)invoice["number"]!}" : (string)invoice["number"]!;

    private static Task<HttpResponseMessage> ReconcileAsync(HttpClient client, string csv, string? period = null, string name = "platform.csv")
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name } };
        if (period is not null)
        {
            content.Add(new StringContent(period), "period");
        }

        return client.PostAsync("/api/v1/reconciliations", content);
    }

    [Fact]
    public async Task IdempotencyKey_RetriedUpload_ReplaysTheFirstAnswer_OneRunKept_AnotherFileIs422()
    {
        var csv = Csv(Row(invoices[0]), Row(Stranger()));
        async Task<HttpResponseMessage> PostAsync(string body)
        {
            var content = new MultipartFormDataContent("fixed-boundary") { { new ByteArrayContent(Encoding.UTF8.GetBytes(body)), "file", "platform.csv" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reconciliations") { Content = content };
            request.Headers.Add("Idempotency-Key", "month-end-2024-11");
            return await acme.SendAsync(request);
        }

        var first = await PostAsync(csv);
        var again = await PostAsync(csv);
        var other = await PostAsync(Csv(Row(invoices[1])));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var history = await (await acme.GetAsync("/api/v1/reconciliations")).ShouldBeAsync(HttpStatusCode.OK);
        history.GetProperty("runs").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task MonthEndExport_ClassifiedAsTheCoreUseCaseDoes_AndTheRunIsKept()
    {
        var stranger = Stranger();
        var csv = Csv(Row(invoices[0]), Row(invoices[1], total: "999999.99"), Row(stranger));

        var answer = await (await ReconcileAsync(acme, csv, period: "2000-01..2099-12")).ShouldBeAsync(HttpStatusCode.OK);

        answer.GetProperty("matched").GetInt64().ShouldBe(1);
        answer.GetProperty("missingInLedger").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ShouldBe([KeyOf(stranger)]);
        answer.GetProperty("missingInOther").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Order().ShouldBe(keys[2..].Order());
        answer.GetProperty("mismatched")[0].GetProperty("key").GetString().ShouldBe(keys[1]);
        answer.GetProperty("period").GetString().ShouldBe("2000-01-01..2099-12-31");
        var runId = answer.GetProperty("run").GetInt64();

        // The core use case on the same data and file, straight on the store: the same JSON but for the run id.
        var core = new ReconciliationService(app.Ledger.Store, TimeProvider.System);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var (result, run) = await core.ReconcileLedgerAsync("acme", "test", [new ReconInput("platform.csv", file)], new DatePeriod(new(2000, 1, 1), new(2099, 12, 31)), CancellationToken.None);
        run.Id.ShouldNotBe(runId);
        WithoutRun(answer).ShouldBe(WithoutRun(JsonDocument.Parse(CoreJson(result)).RootElement));

        var kept = await (await acme.GetAsync($"/api/v1/reconciliations/{runId}")).ShouldBeAsync(HttpStatusCode.OK);
        kept.GetProperty("run").GetProperty("actor").GetString()!.ShouldStartWith("apikey:");
        kept.GetProperty("run").GetProperty("opened").GetInt64().ShouldBe(4);
        kept.GetProperty("differences").GetArrayLength().ShouldBe(4);
        kept.GetProperty("differences").EnumerateArray().ShouldAllBe(d => d.GetProperty("open").GetBoolean());
    }

    private static string CoreJson(ReconciliationResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions))
        {
            ReconciliationJson.Write(w, result);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string WithoutRun(JsonElement answer)
    {
        var node = JsonNode.Parse(answer.GetRawText())!.AsObject();
        node.Remove("run");
        return node.ToJsonString();
    }

    [Fact]
    public async Task History_ListsTheRuns_AndALaterRunClosesADifference()
    {
        var first = await (await ReconcileAsync(acme, Csv(Row(invoices[0]), Row(invoices[1], total: "999999.99"), Row(invoices[2]), Row(invoices[3])))).ShouldBeAsync(HttpStatusCode.OK);
        var before = await (await acme.GetAsync("/api/v1/reconciliations")).ShouldBeAsync(HttpStatusCode.OK);

        var second = await (await ReconcileAsync(acme, Csv(invoices.Select(i => Row(i)).ToArray()))).ShouldBeAsync(HttpStatusCode.OK);
        var after = await (await acme.GetAsync("/api/v1/reconciliations")).ShouldBeAsync(HttpStatusCode.OK);
        var firstRun = await (await acme.GetAsync($"/api/v1/reconciliations/{first.GetProperty("run").GetInt64()}")).ShouldBeAsync(HttpStatusCode.OK);

        before.GetProperty("runs").GetArrayLength().ShouldBe(1);
        before.GetProperty("open").EnumerateArray().Select(d => (d.GetProperty("key").GetString(), d.GetProperty("class").GetString())).ShouldBe([(keys[1], "mismatched")]);
        second.GetProperty("agrees").GetBoolean().ShouldBeTrue();
        after.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe([second.GetProperty("run").GetInt64(), first.GetProperty("run").GetInt64()]);
        after.GetProperty("runs")[0].GetProperty("closed").GetInt64().ShouldBe(1);
        after.GetProperty("open").GetArrayLength().ShouldBe(0);
        var closed = firstRun.GetProperty("differences")[0];
        closed.GetProperty("open").GetBoolean().ShouldBeFalse();
        closed.GetProperty("closedRun").GetInt64().ShouldBe(second.GetProperty("run").GetInt64());
    }

    [Fact]
    public async Task Trace_NamesTheCause_AndTheKeptOriginal()
    {
        var stranger = Stranger();
        (await ReconcileAsync(acme, Csv([.. invoices.Select(i => Row(i)), Row(stranger)]))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var missing = await (await acme.GetAsync($"/api/v1/trace/{KeyOf(stranger)}")).ShouldBeAsync(HttpStatusCode.OK);
        var found = await (await acme.GetAsync($"/api/v1/trace/{keys[0]}")).ShouldBeAsync(HttpStatusCode.OK);

        missing.GetProperty("found").GetBoolean().ShouldBeFalse();
        missing.GetProperty("cause").GetString().ShouldBe("notSubmitted");
        missing.GetProperty("explanations")[0].GetProperty("evidence")[0].GetProperty("cite").GetString()!.ShouldStartWith("reconciliation run ");
        found.GetProperty("cause").GetString().ShouldBe("inLedger");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));
        found.GetProperty("explanations")[0].GetProperty("evidence")[0].GetProperty("original").GetString().ShouldBe($"{sha}@line:1");
    }

    [Theory]
    [InlineData("/api/v1/trace/abc$", "request.invalid")]
    [InlineData("/api/v1/trace/24112000000000000001?date=2024-13-01", "request.invalid")]
    [InlineData("/api/v1/trace/24112000000000000001?total=abc", "request.invalid")]
    [InlineData("/api/v1/reconciliations/x", "reconciliation.notFound")]
    [InlineData("/api/v1/reconciliations/999", "reconciliation.notFound")]
    public async Task BadArguments_AreProblems(string path, string code) =>
        await (await acme.GetAsync(path)).ShouldBeProblemAsync(code == "request.invalid" ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound, code);

    [Fact]
    public async Task BadUploads_AreProblemsWithCodes_AndKeepNoRun()
    {
        await (await ReconcileAsync(acme, Csv(Row(invoices[0])), period: "May")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reconcile.period");
        await (await ReconcileAsync(acme, "<Invoice/>", name: "a.xml")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reconcile.format");
        await (await acme.PostAsync("/api/v1/reconciliations", new MultipartFormDataContent { { new StringContent("2024-01..2024-02"), "period" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
        await (await acme.PostAsync("/api/v1/reconciliations", Http.JsonBody("{}"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.mediaType");

        var history = await (await acme.GetAsync("/api/v1/reconciliations")).ShouldBeAsync(HttpStatusCode.OK);
        history.GetProperty("runs").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Clerk)]
    public async Task ARoleWithoutReconcile_Is403_InItsOwnTenant(Role role)
    {
        var client = await app.ClientAsync("acme", role);
        (await ReconcileAsync(acme, Csv(Row(invoices[0])))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await ReconcileAsync(client, Csv(Row(invoices[0])))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.GetAsync("/api/v1/reconciliations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.GetAsync("/api/v1/reconciliations/1")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.GetAsync("/api/v1/reconciliations/x")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var history = await (await acme.GetAsync("/api/v1/reconciliations")).ShouldBeAsync(HttpStatusCode.OK);
        history.GetProperty("runs").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Trace_ClerkMay_ViewerMayNot()
    {
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        var viewer = await app.ClientAsync("acme", Role.Viewer);

        (await (await clerk.GetAsync($"/api/v1/trace/{keys[0]}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("cause").GetString().ShouldBe("inLedger");
        await (await viewer.GetAsync($"/api/v1/trace/{keys[0]}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory]
    [InlineData(Role.Reviewer)]
    [InlineData(Role.Auditor)]
    public async Task ReviewerAndAuditor_MayReconcile(Role role)
    {
        var client = await app.ClientAsync("acme", role);

        var answer = await (await ReconcileAsync(client, Csv(invoices.Select(i => Row(i)).ToArray()))).ShouldBeAsync(HttpStatusCode.OK);

        answer.GetProperty("matched").GetInt64().ShouldBe(4);
    }
}

/// <summary>The upload's body limit: past --max-body the request is 413 and nothing is kept.</summary>
public sealed class ReconciliationUploadLimitTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync(o => o with { MaxBodyBytes = 16 << 10 });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimit_Is413_NoRunKept(bool withLength)
    {
        var admin = await app.ClientAsync("acme", Role.Admin);
        var big = new string('x', 64 << 10);
        HttpContent file = withLength ? new StringContent(big) : new StreamContent(new ChunkedOnly(Encoding.UTF8.GetBytes(big)));
        var content = new MultipartFormDataContent { { file, "file", "big.csv" } };
        if (!withLength)
        {
            content.Headers.ContentLength = null;
        }

        await (await admin.PostAsync("/api/v1/reconciliations", content)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.tooLarge");

        var history = await (await admin.GetAsync("/api/v1/reconciliations")).ShouldBeAsync(HttpStatusCode.OK);
        history.GetProperty("runs").GetArrayLength().ShouldBe(0);
    }

    /// <summary>A stream that does not tell its length, so the request is sent chunked.</summary>
    private sealed class ChunkedOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
