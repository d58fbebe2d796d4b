using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao serve --demo</c>: the real program serving a ledger it sets up, with a login it prints.</summary>
public sealed partial class ServeCommandTests
{
    [GeneratedRegex("open (http://[^ ]+)/ and sign in as \"demo\" with the password (\\S+)")]
    private static partial Regex DemoLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Fact]
    public async Task ServeDemo_PrintsALoginThatWorks_AndServesTheDemoLedger()
    {
        using var ledger = new TempLedger();
        using var server = Process.Start(FapiaoProcess.StartInfo(ledger.Data, ["serve", "--demo", "--urls", "http://127.0.0.1:0"]))!;
        try
        {
            var (address, password) = await ReadDemoLineAsync(server);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };

            (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var token = WebUtility.HtmlDecode(TokenField().Match(await http.GetStringAsync("/login")).Groups[1].Value);
            var login = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["username"] = "demo", ["password"] = password,
            }));
            login.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/invoices?limit=5")).RootElement;
            list.GetProperty("items").GetArrayLength().ShouldBe(5);

            // An API key made by the CLI beside the running service works at once.
            var key = (await ledger.RunAsync("apikey", "create", "--tenant", "demo", "--role", "auditor")).Stdout.Trim();
            using var api = new HttpClient { BaseAddress = new Uri(address) };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            var checkpoint = JsonDocument.Parse(await api.GetStringAsync("/api/v1/checkpoint")).RootElement;
            checkpoint.GetProperty("size").GetInt64().ShouldBe(300);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<(string Address, string Password)> ReadDemoLineAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (DemoLine().Match(line) is { Success: true } match)
            {
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = server.StandardError.ReadToEndAsync(CancellationToken.None);
                return (match.Groups[1].Value, match.Groups[2].Value);
            }
        }

        throw new InvalidOperationException("serve --demo ended without printing its login: " + await server.StandardError.ReadToEndAsync(CancellationToken.None));
    }
}
