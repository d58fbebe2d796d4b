using System.Net;
using System.Text;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Ui;

/// <summary>The reconcile and trace pages over HTTP: roles, the look-up's link to trace, escaping of the key asked.</summary>
public sealed class ReconcilePagesTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Clerk_MayTraceButNotReconcile_ViewerNeither()
    {
        var clerk = await UiSession.SignInAsync(app, "carl", "acme", Role.Clerk);
        var viewer = await UiSession.SignInAsync(app, "vera", "acme", Role.Viewer);

        var notFound = await clerk.PageAsync("/query?number=24112000009999999999");
        var trace = await clerk.PageAsync("/trace?key=24112000009999999999");
        await clerk.PageAsync("/reconcile", HttpStatusCode.Forbidden);
        await viewer.PageAsync("/trace?key=24112000009999999999", HttpStatusCode.Forbidden);
        var viewerNotFound = await viewer.PageAsync("/query?number=24112000009999999999");

        notFound.ShouldContain("href=\"/trace?key=24112000009999999999\"");
        notFound.ShouldNotContain("href=\"/reconcile\"");
        trace.ShouldContain("data-cause=\"noTrace\"");
        viewerNotFound.ShouldNotContain("/trace?key=");
    }

    [Fact]
    public async Task Reviewer_SeesReconcileInTheNavigation_AndABadKeyIsShownEncoded()
    {
        var reviewer = await UiSession.SignInAsync(app, "rita", "acme", Role.Reviewer);

        var home = await reviewer.PageAsync("/");
        var bad = await reviewer.PageAsync("/trace?key=%3Cscript%3E");

        home.ShouldContain("href=\"/reconcile\"");
        bad.ShouldNotContain("<script>");
        bad.ShouldContain("&lt;script&gt;");
        bad.ShouldNotContain("data-cause");
    }

    [Fact]
    public async Task RunsAndOpenDifferences_AreListed_EachRunOpens_AndKeysLinkToTheirTrace()
    {
        const string Missing = "24112000009999999999";
        var api = await app.ClientAsync("acme", Role.Admin);
        var csv = "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态,是否正数发票\n"
            + $",,{Missing},914403001922038216,销方,91330100799655058B,购方,2024-11-20,1000.00,60.00,1060.00,数电票（普通发票）,正常,是\n";
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "platform.csv" } };
        (await api.PostAsync("/api/v1/reconciliations", content)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reviewer = await UiSession.SignInAsync(app, "rita", "acme", Role.Reviewer);
        var other = await UiSession.SignInAsync(app, "otto", "other", Role.Reviewer);

        var history = await reviewer.PageAsync("/reconcile");
        var run = await reviewer.PageAsync("/reconcile/1");
        await reviewer.PageAsync("/reconcile/2", HttpStatusCode.NotFound);
        await other.PageAsync("/reconcile/1", HttpStatusCode.NotFound);
        var otherHistory = await other.PageAsync("/reconcile");

        history.ShouldContain("<tr data-run=\"1\"><td><a href=\"/reconcile/1\">1</a>");
        history.ShouldContain("platform.csv");
        history.ShouldContain($"<tr data-class=\"missingInLedger\" data-open=\"true\"><td><a href=\"/trace?key={Missing}\">");
        history.ShouldContain("账本缺失");
        run.ShouldContain("第 1 次对账");
        run.ShouldContain($"href=\"/trace?key={Missing}\"");
        otherHistory.ShouldContain("还没有对账记录。");
        otherHistory.ShouldNotContain(Missing);
    }
}
