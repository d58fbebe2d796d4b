using System.Net;
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
}
