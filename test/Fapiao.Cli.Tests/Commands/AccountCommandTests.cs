using System.Text;
using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

/// <summary><c>fapiao tenant create</c>, <c>apikey create</c>, <c>user add --password-stdin</c>.</summary>
public sealed class AccountCommandTests
{
    [Fact]
    public async Task TenantCreate_AddsATenant_Idempotently()
    {
        using var ledger = await new TempLedger().InitAsync();

        var first = await ledger.RunAsync("tenant", "create", "globex", "--json");
        var again = await ledger.RunAsync("tenant", "create", "globex", "--json");
        var list = await ledger.RunAsync("tenant", "list", "--json");

        first.ExitCode.ShouldBe(0, first.Stderr);
        JsonDocument.Parse(first.Stdout).RootElement.GetProperty("created").GetBoolean().ShouldBeTrue();
        JsonDocument.Parse(again.Stdout).RootElement.GetProperty("created").GetBoolean().ShouldBeFalse();
        JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(t => t.GetString()).ShouldBe(["default", "globex"]);
        (await ledger.RunAsync("tenant", "create", "Bad Name")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task ApiKeyCreate_PrintsTheKeyOnce_ListShowsOnlyItsId()
    {
        using var ledger = await new TempLedger().InitAsync();

        var created = await ledger.RunAsync("apikey", "create", "--tenant", "default", "--role", "clerk");
        var list = await ledger.RunAsync("apikey", "list", "--tenant", "default", "--json");

        created.ExitCode.ShouldBe(0, created.Stderr);
        var key = created.Stdout.Trim();
        key.ShouldMatch("^fpk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$");
        created.Stderr.ShouldContain("shown this once");
        var listed = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single();
        listed.GetProperty("id").GetString().ShouldBe(key.Substring(4, 16));
        listed.GetProperty("role").GetString().ShouldBe("clerk");
        list.Stdout.ShouldNotContain(key[21..]);
    }

    [Fact]
    public async Task ApiKeyCreate_UnknownTenantOrRole_IsAUsageError()
    {
        using var ledger = await new TempLedger().InitAsync();

        (await ledger.RunAsync("apikey", "create", "--tenant", "nobody", "--role", "clerk")).ExitCode.ShouldBe(2);
        (await ledger.RunAsync("apikey", "create", "--tenant", "default", "--role", "king")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task UserAdd_ReadsThePasswordFromStdin_RefusesItOnTheCommandLine()
    {
        using var ledger = await new TempLedger().InitAsync();

        var added = await ledger.RunWithInputAsync(Encoding.UTF8.GetBytes("a long enough password\n"), "user", "add", "alice", "--tenant", "default", "--role", "viewer", "--password-stdin");
        var again = await ledger.RunWithInputAsync(Encoding.UTF8.GetBytes("another password\n"), "user", "add", "alice", "--tenant", "default", "--role", "viewer", "--password-stdin");
        var noStdin = await ledger.RunAsync("user", "add", "bob", "--tenant", "default", "--role", "viewer");
        var tooShort = await ledger.RunWithInputAsync(Encoding.UTF8.GetBytes("short\n"), "user", "add", "carol", "--tenant", "default", "--role", "viewer", "--password-stdin");
        var list = await ledger.RunAsync("user", "list", "--tenant", "default", "--json");

        added.ExitCode.ShouldBe(0, added.Stderr);
        again.ExitCode.ShouldBe(2);
        noStdin.ExitCode.ShouldBe(2);
        tooShort.ExitCode.ShouldBe(2);
        JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(u => u.GetProperty("name").GetString()).ShouldBe(["alice"]);
        foreach (var file in Directory.GetFiles(ledger.Data, "ledger.db*"))
        {
            File.ReadAllText(file, Encoding.Latin1).ShouldNotContain("a long enough password");
        }
    }
}
