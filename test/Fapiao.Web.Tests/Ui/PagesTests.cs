using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fapiao.Accounts;
using Fapiao.Tests.Support;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Ui;

/// <summary>The UI's pages over HTTP without a browser: escaping, both languages, roles, forms, tenants.</summary>
public sealed class PagesTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<IReadOnlyList<string>> SubmitAsync(string tenant, params string[] invoices)
    {
        var client = await app.ClientAsync(tenant, Role.Clerk);
        var json = await (await client.PostAsync("/api/v1/invoices", Http.JsonBody(SomeInvoices.Array(invoices)))).ShouldBeAsync(HttpStatusCode.OK);
        var results = json.GetProperty("results").EnumerateArray().ToList();
        results.ShouldAllBe(r => r.GetProperty("outcome").GetString() == "accepted");
        return results.Select(r => r.GetProperty("key").GetString()!).ToList();
    }

    private static string Hostile(string invoice)
    {
        var node = JsonNode.Parse(invoice)!.AsObject();
        node["seller"]!["name"] = "<script>window.pwned=1</script>";
        node["remarks"] = "\"><img src=x onerror=alert(1)>";
        if (node["lines"] is JsonArray { Count: > 0 } lines)
        {
            lines[0]!["name"] = "<b onclick=alert(2)>货物</b>";
        }

        return node.ToJsonString();
    }

    [Fact]
    public async Task InvoicePage_HostileFields_AreShownEncodedNeverAsMarkup()
    {
        var key = (await SubmitAsync("acme", Hostile(SomeInvoices.Json(1)[0])))[0];
        var browser = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);

        var response = await browser.GetAsync("/invoices/" + key);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>window.pwned");
        html.ShouldContain("&lt;script&gt;window.pwned=1&lt;/script&gt;");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        html.ShouldNotContain("<b onclick");
        html.ShouldContain("&lt;b onclick=alert(2)&gt;货物&lt;/b&gt;");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task InvoicePage_ShowsFieldsLinesStateHistoryAndReceiptLink()
    {
        var invoice = SomeInvoices.Json(1)[0];
        var key = (await SubmitAsync("acme", invoice))[0];
        var browser = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);

        var html = await browser.PageAsync("/invoices/" + key);

        using var doc = JsonDocument.Parse(invoice);
        var root = doc.RootElement;
        html.ShouldContain(WebUtility.HtmlEncode(root.GetProperty("seller").GetProperty("name").GetString()!));
        html.ShouldContain(root.GetProperty("seller").GetProperty("taxId").GetString()!);
        html.ShouldContain(root.GetProperty("issueDate").GetString()!);
        html.ShouldContain("data-state=\"normal\"");
        html.ShouldContain("<td>recorded</td>");
        html.ShouldContain($"href=\"/invoices/{key}/receipt\"");
        html.ShouldContain("-----BEGIN PUBLIC KEY-----");
        if (root.TryGetProperty("lines", out var lines))
        {
            html.ShouldContain(WebUtility.HtmlEncode(lines[0].GetProperty("name").GetString()!));
        }

        var receipt = await browser.GetAsync($"/invoices/{key}/receipt");
        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        receipt.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await receipt.JsonAsync()).GetProperty("key").GetString().ShouldBe(key);
    }

    [Fact]
    public async Task Pages_ChineseByDefault_EnglishOnRequest_Remembered()
    {
        var browser = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);

        var zh = await browser.PageAsync("/");
        zh.ShouldContain("<html lang=\"zh-CN\">");
        zh.ShouldContain("概览");
        zh.ShouldContain("href=\"/?lang=en\"");

        var en = await browser.PageAsync("/query?lang=en");
        en.ShouldContain("<html lang=\"en\">");
        en.ShouldContain("Look up an invoice");
        NoChineseBut("中文", en);

        var still = await browser.PageAsync("/");
        still.ShouldContain("<html lang=\"en\">");
        NoChineseBut("中文", still);
        (await browser.PageAsync("/?lang=zh")).ShouldContain("<html lang=\"zh-CN\">");
    }

    private static void NoChineseBut(string allowed, string html) =>
        html.Replace(allowed, "", StringComparison.Ordinal).Where(c => c >= '\u4e00' && c <= '\u9fff').ShouldBeEmpty();

    [Fact]
    public async Task Query_Found_ShowsState_WrongDate_SaysSo()
    {
        var invoice = SomeInvoices.Json(1)[0];
        var key = (await SubmitAsync("acme", invoice))[0];
        using var doc = JsonDocument.Parse(invoice);
        var date = doc.RootElement.GetProperty("issueDate").GetString();
        var browser = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);

        var found = await browser.PageAsync($"/query?number={key}&date={date}");
        found.ShouldContain("data-result=\"found\"");
        found.ShouldContain("data-state=\"normal\"");

        var wrongDate = await browser.PageAsync($"/query?number={key}&date=2013-01-01");
        wrongDate.ShouldContain("data-result=\"date-mismatch\"");
        wrongDate.ShouldContain(date!);
    }

    [Fact]
    public async Task Query_Unknown_SaysNotInLedgerWithWhatToCheck_AndAnotherTenantsInvoiceIsUnknown()
    {
        var key = (await SubmitAsync("other", SomeInvoices.Json(1)[0]))[0];
        var browser = await UiSession.SignInAsync(app, "carl", "acme", Role.Clerk);

        var html = await browser.PageAsync($"/query?number={key}");

        html.ShouldContain("data-result=\"not-found\"");
        html.ShouldContain("本账本中没有这张发票");
        html.ShouldContain("当前：acme");
        html.ShouldContain("href=\"/quarantine\"");
        html.ShouldContain("href=\"/upload\"");
        (await browser.PageAsync("/invoices/" + key, HttpStatusCode.NotFound)).ShouldNotContain(key + "</code></dd>");
        (await browser.GetAsync($"/invoices/{key}/receipt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Query_NotANumber_SaysWhatANumberLooksLike()
    {
        var browser = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);

        (await browser.PageAsync("/query?number=12345&lang=en")).ShouldContain("That is not an invoice number");
    }

    [Fact]
    public async Task Upload_SeveralFiles_EachWithItsOutcomes_RejectedOnesLinkTheQuarantine()
    {
        var browser = await UiSession.SignInAsync(app, "carl", "acme", Role.Clerk);
        var good = SomeInvoices.Json(2);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await UiSession.TokenAsync(browser, "/upload")), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(SomeInvoices.Array(good))), "files", "good.json" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(SomeInvoices.Broken)), "files", "broken.json" },
        };

        var response = await browser.PostAsync("/upload", form);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("<code>good.json</code>");
        html.ShouldContain("<code>broken.json</code>");
        html.Split("data-outcome=\"accepted\"").Length.ShouldBe(3);
        html.Split("data-outcome=\"rejected\"").Length.ShouldBe(2);
        html.ShouldContain("href=\"/quarantine/");
        html.ShouldContain("<code>type.unknown</code>");
        html.ShouldContain("发票类型代码不在已知列表中。", customMessage: "the problem's meaning in the page's language, beside the core's message");
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(2);
    }

    [Fact]
    public async Task InvoicePage_UploadedFile_KeptOriginalLinked_DownloadIsByteForByte_OnlyForItsOwnInvoiceAndTenant()
    {
        var browser = await UiSession.SignInAsync(app, "olga", "acme", Role.Clerk);
        var ofd = await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "shudian-special-2024.ofd"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await UiSession.TokenAsync(browser, "/upload")), "__RequestVerificationToken" },
            { new ByteArrayContent(ofd), "files", "invoice.ofd" },
        };
        (await browser.PostAsync("/upload", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = (await app.Ledger.Store.QueryInvoicesAsync("acme", new Fapiao.Storage.InvoiceQuery(Limit: 10), CancellationToken.None).ToListAsync()).Single().Key;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ofd));

        var page = await browser.PageAsync("/invoices/" + key);
        var link = $"/invoices/{key}/original/{sha}";
        page.ShouldContain($"href=\"{link}\"");
        (await browser.GetByteArrayAsync(link)).ShouldBe(ofd);

        // A hash the invoice's events do not name, and the same link from another tenant, reach nothing.
        (await browser.GetAsync($"/invoices/{key}/original/{new string('0', 64)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stranger = await UiSession.SignInAsync(app, "mallory", "globex", Role.Admin);
        (await stranger.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A kept original changed on disk is refused, not served.
        var path = Fapiao.Originals.OriginalStore.In(app.DataDir, "acme").PathOf(sha);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^1] ^= 1;
        await File.WriteAllBytesAsync(path, bytes);
        (await browser.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_Refused_NothingIngested()
    {
        var browser = await UiSession.SignInAsync(app, "carl", "acme", Role.Clerk);
        var before = (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(SomeInvoices.Array(SomeInvoices.Json(1)))), "files", "good.json" },
        };

        var response = await browser.PostAsync("/upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(before);
    }

    [Fact]
    public async Task Upload_Viewer_ToldItCannot_403_AndNoLinkToIt()
    {
        var browser = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);
        var before = (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size;

        (await browser.PageAsync("/upload", HttpStatusCode.Forbidden)).ShouldContain("不能上传发票");
        (await browser.PageAsync("/")).ShouldNotContain("href=\"/upload\"");
        (await browser.PageAsync("/quarantine", HttpStatusCode.Forbidden)).ShouldContain("不允许访问此页面");
        var token = await UiSession.TokenAsync(browser, "/");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(SomeInvoices.Array(SomeInvoices.Json(1)))), "files", "good.json" },
        };
        (await browser.PostAsync("/upload", form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(before);
        (await app.Ledger.Store.ListQuarantineAsync("acme", CancellationToken.None).ToListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Quarantine_ListAndDetail_EveryProblemAndTheBytesEscaped()
    {
        var client = await app.ClientAsync("acme", Role.Clerk);
        var hostile = """{"number":"<img src=x onerror=alert(1)>","type":"99","issueDate":"2024-02-30"}""";
        var result = await (await client.PostAsync("/api/v1/invoices", Http.JsonBody(hostile))).ShouldBeAsync(HttpStatusCode.OK);
        var id = result.GetProperty("results")[0].GetProperty("quarantineId").GetInt64();
        var browser = await UiSession.SignInAsync(app, "rita", "acme", Role.Reviewer);

        var list = await browser.PageAsync("/quarantine");
        list.ShouldContain($"href=\"/quarantine/{id}\"");

        var detail = await browser.PageAsync($"/quarantine/{id}");
        detail.ShouldNotContain("<img src=x");
        detail.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        detail.ShouldContain("<code>type.unknown</code>");
        detail.ShouldContain("<code>number.format</code>");
        detail.ShouldContain("<code>number</code>");
        (await browser.PageAsync("/quarantine/999999", HttpStatusCode.NotFound)).ShouldContain("未找到");
    }

    [Fact]
    public async Task Dashboard_CountsByStateDayAndErrorCode_WithTextAlternatives()
    {
        await SubmitAsync("acme", [.. SomeInvoices.Json(3)]);
        await SubmitAsync("other", [.. SomeInvoices.Json(2)]);
        var client = await app.ClientAsync("acme", Role.Clerk);
        await client.PostAsync("/api/v1/invoices", Http.JsonBody(SomeInvoices.Broken));
        var browser = await UiSession.SignInAsync(app, "carl", "acme", Role.Clerk);

        var html = await browser.PageAsync("/?lang=en");

        html.ShouldContain("Invoices in the ledger: 3");
        html.ShouldContain("<tr><td>Normal</td><td class=\"num\">3</td></tr>");
        html.ShouldContain("<td>type.unknown</td><td class=\"num\">1</td>");
        html.ShouldContain("Quarantined submissions: 1");
        html.ShouldContain("<svg viewBox=");
        html.ShouldContain("role=\"img\" aria-labelledby=\"by-state-title\"");

        var viewer = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);
        var seen = await viewer.PageAsync("/?lang=en");
        seen.ShouldContain("Invoices in the ledger: 3");
        seen.ShouldNotContain("Quarantine by error code");
    }

    [Fact]
    public async Task Pages_SignedOut_RedirectToSignIn_AssetsPublic()
    {
        var browser = app.Anonymous();

        var response = await browser.GetAsync("/query?number=1");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login?ReturnUrl=");
        (await browser.GetAsync("/ui/app.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/ui/verify.js")).Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await browser.GetAsync("/ui/nothing.js")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var login = await browser.PageAsync("/login");
        login.ShouldContain("<label for=\"username\">");
        login.ShouldContain("class=\"skip\" href=\"#main\"");
    }
}
