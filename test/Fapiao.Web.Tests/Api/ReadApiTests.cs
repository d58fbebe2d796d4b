using System.Net;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>GET routes: an invoice, the list with its cursor, receipts, the checkpoint, consistency proofs, quarantine.</summary>
public sealed class ReadApiTests : IAsyncLifetime
{
    private TestApp app = null!;
    private HttpClient admin = null!;
    private List<JsonElement> posted = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        admin = await app.ClientAsync("acme", Role.Admin);
        var body = SomeInvoices.Array([.. SomeInvoices.Json(25), SomeInvoices.Broken, SomeInvoices.Broken]);
        posted = (await (await admin.PostInvoicesAsync(body)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("results").EnumerateArray().ToList();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private IEnumerable<string> AcceptedKeys => posted.Where(r => r.GetProperty("outcome").GetString() == "accepted").Select(r => r.GetProperty("key").GetString()!);

    [Fact]
    public async Task GetInvoice_FieldsStateAndEvents()
    {
        var key = AcceptedKeys.First();

        var json = await (await admin.GetAsync($"/api/v1/invoices/{key}")).ShouldBeAsync(HttpStatusCode.OK);

        json.GetProperty("key").GetString().ShouldBe(key);
        json.GetProperty("state").GetString().ShouldBe("normal");
        json.GetProperty("invoice").GetProperty("seller").GetProperty("taxId").GetString()!.Length.ShouldBe(18);
        json.GetProperty("events").GetArrayLength().ShouldBe(1);
        json.GetProperty("contentHash").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetInvoice_UnknownKey404_MalformedKey400()
    {
        await (await admin.GetAsync("/api/v1/invoices/24112000000000099999")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "invoice.notFound");
        await (await admin.GetAsync("/api/v1/invoices/not-a-key")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
        await (await admin.GetAsync("/api/v1/invoices/24112000000000099999/receipt")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "invoice.notFound");
    }

    [Fact]
    public async Task List_PagesThroughEveryInvoiceOnceInKeyOrder()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var json = await (await admin.GetAsync("/api/v1/invoices?limit=10" + (cursor is null ? "" : "&cursor=" + cursor))).ShouldBeAsync(HttpStatusCode.OK);
            seen.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            cursor = json.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(AcceptedKeys.OrderBy(k => k, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task List_Filters()
    {
        var first = await (await admin.GetAsync($"/api/v1/invoices/{AcceptedKeys.First()}")).ShouldBeAsync(HttpStatusCode.OK);
        var seller = first.GetProperty("invoice").GetProperty("seller").GetProperty("taxId").GetString();
        var date = first.GetProperty("invoice").GetProperty("issueDate").GetString();

        var bySeller = await (await admin.GetAsync($"/api/v1/invoices?seller={seller}&limit=1000")).ShouldBeAsync(HttpStatusCode.OK);
        bySeller.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("seller").GetString() == seller);
        bySeller.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        var byDay = await (await admin.GetAsync($"/api/v1/invoices?from={date}&to={date}&state=normal")).ShouldBeAsync(HttpStatusCode.OK);
        byDay.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("issueDate").GetString() == date);
        var voided = await (await admin.GetAsync("/api/v1/invoices?state=voided")).ShouldBeAsync(HttpStatusCode.OK);
        voided.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("state=lost")]
    [InlineData("from=2024-13-01")]
    [InlineData("cursor=%21%21")]
    [InlineData("cursor=bm90LWEta2V5")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    public async Task List_BadParameter_Is400(string query)
    {
        await (await admin.GetAsync("/api/v1/invoices?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task Checkpoint_IsTheLatestSignedHead()
    {
        var json = await (await admin.GetAsync("/api/v1/checkpoint")).ShouldBeAsync(HttpStatusCode.OK);

        json.GetProperty("size").GetInt64().ShouldBe(25);
        json.GetProperty("body").GetString()!.ShouldContain("/acme\n25\n");
        json.GetProperty("signature").GetString().ShouldNotBeNullOrEmpty();
        var empty = await app.ClientAsync("globex", Role.Viewer);
        await (await empty.GetAsync("/api/v1/checkpoint")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "checkpoint.none");
    }

    [Fact]
    public async Task Consistency_ProvesTheLogGrew()
    {
        var json = await (await admin.GetAsync("/api/v1/consistency?from=10&to=25")).ShouldBeAsync(HttpStatusCode.OK);
        var checkpoint = await (await admin.GetAsync("/api/v1/checkpoint")).ShouldBeAsync(HttpStatusCode.OK);

        json.GetProperty("root2").GetString().ShouldBe(checkpoint.GetProperty("rootHash").GetString());
        var proof = json.GetProperty("proof").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToList();
        Fapiao.Ledger.MerkleVerifier.VerifyConsistency(10, 25, proof, Convert.FromBase64String(json.GetProperty("root1").GetString()!),
            Convert.FromBase64String(json.GetProperty("root2").GetString()!)).ShouldBeTrue();
        await (await admin.GetAsync("/api/v1/consistency?from=0&to=25")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
        await (await admin.GetAsync("/api/v1/consistency?from=5&to=26")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
        (await admin.GetAsync("/api/v1/consistency?from=25")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Quarantine_ListsWithoutBytes_ItemWithBytes()
    {
        var list = await (await admin.GetAsync("/api/v1/quarantine?limit=1")).ShouldBeAsync(HttpStatusCode.OK);
        var first = list.GetProperty("items")[0];
        first.TryGetProperty("raw", out _).ShouldBeFalse();
        var next = list.GetProperty("next").GetString().ShouldNotBeNull();
        var second = await (await admin.GetAsync("/api/v1/quarantine?cursor=" + next)).ShouldBeAsync(HttpStatusCode.OK);
        second.GetProperty("items").GetArrayLength().ShouldBe(1);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);

        var id = first.GetProperty("id").GetInt64();
        var item = await (await admin.GetAsync($"/api/v1/quarantine/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        item.GetProperty("rawText").GetString().ShouldBe(SomeInvoices.Broken);
        item.GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);
        await (await admin.GetAsync("/api/v1/quarantine/999")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "quarantine.notFound");
        await (await admin.GetAsync("/api/v1/quarantine/x")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "quarantine.notFound");
    }

    [Fact]
    public async Task Quarantine_NotForAViewer()
    {
        var viewer = await app.ClientAsync("acme", Role.Viewer);

        await (await viewer.GetAsync("/api/v1/quarantine")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
