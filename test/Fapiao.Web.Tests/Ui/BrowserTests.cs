using System.Security.Cryptography;
using System.Text;
using Fapiao.Accounts;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Ledger.Verification;
using Fapiao.Tests.Support;
using Fapiao.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fapiao.Web.Tests.Ui;

/// <summary>
/// The UI in a real browser: Debian's headless Chromium (/usr/bin/chromium, never a downloaded one,
/// installed by scripts/test.sh) driven by Playwright against the real service on a real port over
/// a real SQLite file. Where Chromium cannot start, these tests fail: they are never skipped.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private TestApp app = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await app.Accounts.CreateTenantAsync("acme", CancellationToken.None);
        (await app.Accounts.SaveUserAsync("carl", "acme", Role.Clerk, UiSession.Password, replace: false, CancellationToken.None)).ShouldBeTrue();
        (await app.Accounts.SaveUserAsync("rita", "acme", Role.Reviewer, UiSession.Password, replace: false, CancellationToken.None)).ShouldBeTrue();
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: scripts/test.sh installs Debian's chromium.");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await app.DisposeAsync();
    }

    private async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        return page;
    }

    private static async Task SignInAsync(IPage page, string user = "carl")
    {
        await page.GotoAsync("/");
        page.Url.ShouldContain("/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(UiSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReconcileAnExport_SeeTheReport_ThenTraceTheMissingKeyFromTheLookUp()
    {
        var api = await app.ClientAsync("acme", Role.Admin);
        (await api.PostInvoicesAsync(SomeInvoices.Array(SomeInvoices.Json(2)))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        const string Missing = "24112000009999999999";
        var export = Path.Combine(Path.GetTempPath(), $"platform-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(export, "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态,是否正数发票\n"
            + $",,{Missing},914403001922038216,销方,91330100799655058B,购方,2024-11-20,1000.00,60.00,1060.00,数电票（普通发票）,正常,是\n");
        var page = await NewPageAsync();
        await SignInAsync(page, "rita");

        await page.GetByRole(AriaRole.Link, new() { Name = "对账" }).ClickAsync();
        await page.GetByLabel("导出文件").SetInputFilesAsync(export);
        await page.GetByRole(AriaRole.Button, new() { Name = "开始对账" }).ClickAsync();
        await page.WaitForSelectorAsync("#summary");
        File.Delete(export);
        (await page.Locator("#answer").GetAttributeAsync("data-agrees")).ShouldBe("false");
        (await page.Locator("section[data-class=missingInLedger] td").First.InnerTextAsync()).ShouldBe(Missing);
        (await page.Locator("section[data-class=missingInOther] tbody tr").CountAsync()).ShouldBe(2);

        // The run is kept: the reconcile page lists it and its open difference, which opens its trace.
        await page.GetByRole(AriaRole.Link, new() { Name = "对账" }).ClickAsync();
        (await page.Locator("#runs tbody tr").CountAsync()).ShouldBe(1);
        await page.Locator("table.differences tr[data-class=missingInLedger] a").ClickAsync();
        await page.WaitForSelectorAsync("#answer[data-cause]");
        (await page.Locator("#answer").GetAttributeAsync("data-cause")).ShouldBe("notSubmitted");
        (await page.Locator("#answer h2").First.InnerTextAsync()).ShouldContain("从未提交到本台账");

        await page.GetByRole(AriaRole.Link, new() { Name = "发票查验" }).ClickAsync();
        await page.GetByLabel("发票号码").FillAsync(Missing);
        await page.GetByRole(AriaRole.Button, new() { Name = "查验" }).ClickAsync();
        (await page.Locator("#answer").GetAttributeAsync("data-result")).ShouldBe("not-found");
        await page.GetByRole(AriaRole.Link, new() { Name = "追查这个号码的去向" }).ClickAsync();
        await page.WaitForSelectorAsync("#answer[data-cause]");
        (await page.Locator("#answer").GetAttributeAsync("data-cause")).ShouldBe("notSubmitted");
        (await page.Locator("#answer").InnerTextAsync()).ShouldContain("reconciliation run 1");
    }

    [Fact]
    public async Task UploadFixture_QueryIt_OpenIt_ProofVerifiedInTheBrowser_DownloadReceipt_SwitchToEnglish()
    {
        var page = await NewPageAsync();
        await SignInAsync(page);

        // Upload the real OFD invoice and a broken file together: each file gets its outcomes.
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, SomeInvoices.Broken);
        await page.GetByRole(AriaRole.Link, new() { Name = "上传" }).ClickAsync();
        await page.GetByLabel("文件").SetInputFilesAsync([SharedFixtures.PathOf("ofd", "shudian-special-2024.ofd"), broken]);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.WaitForSelectorAsync("tr[data-outcome]");
        (await page.Locator("tr[data-outcome=accepted]").CountAsync()).ShouldBe(1);
        (await page.Locator("tr[data-outcome=rejected]").CountAsync()).ShouldBe(1);
        var key = (await page.Locator("tr[data-outcome=accepted] a code").InnerTextAsync()).Trim();
        File.Delete(broken);

        // Look it up as on the national verification page: number (and code), issue date.
        var view = await app.Ledger.ShowAsync("acme", InvoiceKey.Parse(key), CancellationToken.None);
        view.ShouldNotBeNull();
        await page.GetByRole(AriaRole.Link, new() { Name = "发票查验" }).ClickAsync();
        await page.GetByLabel("发票号码").FillAsync(InvoiceKey.Parse(key).Number);
        if (InvoiceKey.Parse(key).Code is { } code)
        {
            await page.GetByLabel("发票代码（旧版发票）").FillAsync(code);
        }

        await page.GetByLabel("开票日期").FillAsync(view.Record.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "查验" }).ClickAsync();
        (await page.Locator("#answer").GetAttributeAsync("data-result")).ShouldBe("found");
        (await page.Locator("#answer [data-state]").InnerTextAsync()).ShouldBe("正常");

        // The invoice page: the receipt checked by verify.js in this browser.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看发票" }).ClickAsync();
        await page.WaitForSelectorAsync("#proof[data-state=verified]");
        (await page.Locator("#proof").InnerTextAsync()).ShouldStartWith("证明已验证");
        (await page.Locator("#lines tbody tr").CountAsync()).ShouldBeGreaterThan(0);

        // The downloaded receipt verifies with the core's own verifier and the ledger's key.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#receipt-link").ClickAsync());
        var receipt = ReceiptJson.Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
        receipt.Key.ShouldBe(key);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(app.App.Services.GetRequiredService<LedgerService>().PublicKeyPem());
        var verdict = ReceiptVerifier.Verify(receipt, publicKey, app.Ledger.Validator);
        verdict.Failures.ShouldBeEmpty();
        verdict.Ok.ShouldBeTrue();
        verdict.SignatureChecked.ShouldBeTrue();

        // English: the same page, every label switched, remembered on the next page.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await page.WaitForSelectorAsync("#proof[data-state=verified]");
        (await page.Locator("#proof").InnerTextAsync()).ShouldStartWith("Proof verified");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Dashboard");
        (await page.Locator("#by-state svg[role=img]").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ProofCheck_TamperedReceipt_NotVerified()
    {
        var client = await app.ClientAsync("acme", Role.Clerk);
        var json = await (await client.PostAsync("/api/v1/invoices", Http.JsonBody(SomeInvoices.Array(SomeInvoices.Json(3))))).JsonAsync();
        var key = json.GetProperty("results")[1].GetProperty("key").GetString()!;
        var page = await NewPageAsync();
        await SignInAsync(page);

        // The browser must check what it got, not trust it: flip one bit of the signed root.
        await page.RouteAsync("**/receipt", async route =>
        {
            var response = await route.FetchAsync();
            var text = await response.TextAsync();
            var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;
            var root = Convert.FromBase64String(node["rootHash"]!.GetValue<string>());
            root[0] ^= 1;
            node["rootHash"] = Convert.ToBase64String(root);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = node.ToJsonString() });
        });
        await page.GotoAsync($"/invoices/{key}?lang=en");

        await page.WaitForSelectorAsync("#proof[data-state=failed]");
        (await page.Locator("#proof").InnerTextAsync()).ShouldContain("Proof NOT verified");
    }

    [Fact]
    public async Task PhoneWidth_NoPageOverflowsSideways_InEitherLanguage()
    {
        var client = await app.ClientAsync("acme", Role.Clerk);
        var invoice = System.Text.Json.Nodes.JsonNode.Parse(SomeInvoices.Json(1)[0])!;
        invoice["remarks"] = new string('长', 300) + new string('x', 300);
        var json = await (await client.PostAsync("/api/v1/invoices", Http.JsonBody(invoice.ToJsonString()))).JsonAsync();
        var key = json.GetProperty("results")[0].GetProperty("key").GetString()!;
        await client.PostAsync("/api/v1/invoices", Http.JsonBody(SomeInvoices.Broken));
        var page = await NewPageAsync(width: 360, height: 740);
        await SignInAsync(page);

        foreach (var lang in new[] { "zh", "en" })
        {
            foreach (var path in new[] { "/", "/query", $"/query?number={key}", $"/query?number={key}0", $"/invoices/{key}", "/upload", "/quarantine", "/quarantine/1" })
            {
                await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
                var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                var (scroll, width) = (sizes[0], sizes[1]);
                var widest = await page.EvaluateAsync<string>(
                    "() => { const e = [...document.querySelectorAll('body *')].find(x => x.getBoundingClientRect().right > window.innerWidth && !x.closest('.scroll')); return e ? e.outerHTML.slice(0, 200) : ''; }");
                scroll.ShouldBeLessThanOrEqualTo(width, $"{path} in {lang} is {scroll}px wide at a {width}px viewport; first element past the edge: {widest}");
            }
        }
    }

    [Fact]
    public async Task KeyboardOnly_SignIn_SkipLink_VisibleFocus()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");

        // The form's first field has the focus; Tab and Enter do the rest.
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("username");
        await page.Keyboard.TypeAsync("carl");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("password");
        await page.Keyboard.TypeAsync(UiSession.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("概览");

        // The first Tab on a page reaches the skip link, shown and outlined while it has the focus.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldBe("skip");
        var box = await page.Locator("a.skip").BoundingBoxAsync();
        box.ShouldNotBeNull();
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle")).ShouldNotBe("none");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");

        // Every link of the navigation is reachable by Tab.
        var reached = new HashSet<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') || ''"));
        }

        reached.ShouldContain("/query");
        reached.ShouldContain("/upload");
        reached.ShouldContain("/quarantine");
    }
}
