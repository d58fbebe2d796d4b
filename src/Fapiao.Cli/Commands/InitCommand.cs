using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Ledger.Signing;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao init</c>: creates the data folder, the signing key and the tenant. Running it again
/// for another tenant adds that tenant; for an existing tenant it changes nothing.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create the data folder, the signing key and the tenant (idempotent)");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var dataDir = parse.GetValue(GlobalOptions.Data)!;
        var tenant = CliContext.CheckTenantName(parse.GetValue(GlobalOptions.Tenant)!);
        Directory.CreateDirectory(dataDir);
        var keyCreated = SigningKeyFile.EnsureCreated(Path.Combine(dataDir, CliContext.KeysFolder));
        var location = LedgerDatabase.From(parse);
        await using var store = location.Open();
        await store.InitializeAsync(ct).ConfigureAwait(false);
        var tenantCreated = await store.CreateTenantAsync(tenant, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
        if (parse.GetValue(GlobalOptions.Json))
        {
            JsonOut.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("data", Path.GetFullPath(dataDir));
                w.WriteString("database", location.ToString());
                w.WriteString("tenant", tenant);
                w.WriteBoolean("tenantCreated", tenantCreated);
                w.WriteBoolean("keyCreated", keyCreated);
                w.WriteEndObject();
            });
        }
        else
        {
            Human.Line($"Ledger in {location} (key in {Path.GetFullPath(dataDir)}): tenant \"{tenant}\" {(tenantCreated ? "created" : "already exists, nothing changed")}{(keyCreated ? "; signing key created" : "")}.", "green");
        }

        return ExitCodes.Ok;
    }
}
