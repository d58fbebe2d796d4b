using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Fapiao.Web.Tests.Hosting;

/// <summary>/readyz: the store answers, and the background verification's last result.</summary>
public sealed class ReadinessTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Json)> ReadyWhenAsync(TestApp app, Func<JsonElement, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var response = await app.Anonymous().GetAsync("/readyz");
            var json = await response.JsonAsync();
            if (done(json) || waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                return (response.StatusCode, json);
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Ready_WhenTheStoreAnswersAndVerifyPassed()
    {
        await using var app = await TestApp.StartAsync(o => o with { VerifyInBackground = true });
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        await clerk.PostInvoicesAsync(SomeInvoices.Array(SomeInvoices.Json(3)));

        var (status, json) = await ReadyWhenAsync(app, j => j.GetProperty("verify").GetProperty("state").GetString() != "pending");

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("store").GetString().ShouldBe("ok");
        json.GetProperty("verify").GetProperty("state").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task NotReady_WhenVerifyFindsTheLogAltered()
    {
        await using var app = await TestApp.StartAsync(o => o with { VerifyInBackground = true, VerifyEvery = TimeSpan.FromSeconds(1) });
        var clerk = await app.ClientAsync("acme", Role.Clerk);
        await clerk.PostInvoicesAsync(SomeInvoices.Array(SomeInvoices.Json(3)));
        await ReadyWhenAsync(app, j => j.GetProperty("verify").GetProperty("state").GetString() == "ok");

        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "DROP TRIGGER events_no_update; UPDATE events SET bytes = CAST('tampered' AS BLOB) WHERE idx = 1;";
            await cmd.ExecuteNonQueryAsync();
        }

        var (status, json) = await ReadyWhenAsync(app, j => j.GetProperty("verify").GetProperty("state").GetString() == "failed");

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        json.GetProperty("verify").GetProperty("failedTenant").GetString().ShouldBe("acme");
    }
}
