using System.Net;
using Fapiao.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fapiao.Web.Tests.Hosting;

/// <summary>/openapi/v1.json describes every route of the API, health included.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Document_ListsEveryApiRouteOfTheRunningApp()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var routes = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw is "/healthz" or "/readyz"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();

        routes.Count.ShouldBe(16);
        routes.Except(documented).ShouldBeEmpty();
        new[]
        {
            "POST /api/v1/invoices", "POST /api/v1/files", "GET /api/v1/invoices/{key}", "GET /api/v1/invoices",
            "GET /api/v1/invoices/{key}/receipt", "GET /api/v1/checkpoint", "GET /api/v1/consistency",
            "GET /api/v1/quarantine", "GET /api/v1/quarantine/{id}", "GET /api/v1/key", "GET /healthz", "GET /readyz",
            "POST /api/v1/reconciliations", "GET /api/v1/reconciliations", "GET /api/v1/reconciliations/{id}", "GET /api/v1/trace/{key}",
        }.Except(documented).ShouldBeEmpty();
    }

    [Fact]
    public async Task Document_DescribesParametersAndProblems()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);
        var list = document.GetProperty("paths").GetProperty("/api/v1/invoices").GetProperty("get");

        new[] { "seller", "buyer", "from", "to", "state", "cursor", "limit" }
            .Except(list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)).ShouldBeEmpty();
        var post = document.GetProperty("paths").GetProperty("/api/v1/invoices").GetProperty("post");
        new[] { "200", "401", "409", "413", "422", "429" }.Except(post.GetProperty("responses").EnumerateObject().Select(r => r.Name)).ShouldBeEmpty();
        new[] { "application/json", "application/x-ndjson" }.Except(post.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name)).ShouldBeEmpty();
    }
}
