using System.Text.Json;
using Fapiao.Cli.Tests.Support;

namespace Fapiao.Cli.Tests.Commands;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_FreshFolder_CreatesLedgerKeyAndTenant()
    {
        using var ledger = new TempLedger();

        var result = await ledger.RunAsync("init", "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("tenantCreated").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("keyCreated").GetBoolean().ShouldBeTrue();
        var key = Path.Combine(ledger.Data, "keys", "signing-key.pem");
        File.GetUnixFileMode(key).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Init_Again_ChangesNothing()
    {
        using var ledger = await new TempLedger().InitAsync();
        var keyBefore = await File.ReadAllTextAsync(Path.Combine(ledger.Data, "keys", "signing-key.pem"));

        var again = await ledger.RunAsync("init", "--json");

        again.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(again.Stdout);
        json.RootElement.GetProperty("tenantCreated").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("keyCreated").GetBoolean().ShouldBeFalse();
        (await File.ReadAllTextAsync(Path.Combine(ledger.Data, "keys", "signing-key.pem"))).ShouldBe(keyBefore);
    }

    [Fact]
    public async Task Init_AnotherTenant_AddsItBesideTheFirst()
    {
        using var ledger = await new TempLedger().InitAsync();

        (await ledger.RunAsync("init", "--tenant", "shop-2")).ExitCode.ShouldBe(0);

        (await ledger.RunAsync("list", "--tenant", "shop-2")).ExitCode.ShouldBe(0);
        (await ledger.RunAsync("list", "--tenant", "default")).ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("verify")]
    [InlineData("show", "24112000000000012345")]
    [InlineData("ingest", "-")]
    public async Task AnyCommand_WithoutALedger_FailsWithAClearMessage(params string[] args)
    {
        using var ledger = new TempLedger();

        var result = await ledger.RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("fapiao init");
    }

    [Fact]
    public async Task AnyCommand_ForAnUnknownTenant_FailsWithAClearMessage()
    {
        using var ledger = await new TempLedger().InitAsync();

        var result = await ledger.RunAsync("list", "--tenant", "nobody");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no tenant \"nobody\"");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("list", "--no-such-option")]
    [InlineData("ingest")]
    [InlineData("init", "--tenant", "Bad Name")]
    public async Task Usage_Errors_ExitWithCode2(params string[] args)
    {
        using var ledger = new TempLedger();

        (await ledger.RunAsync(args)).ExitCode.ShouldBe(2);
    }
}
