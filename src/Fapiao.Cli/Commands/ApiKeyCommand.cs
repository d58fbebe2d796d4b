using System.CommandLine;
using System.Globalization;
using Fapiao.Accounts;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao apikey create --tenant T --role R</c>: prints a new API key once (only its SHA-256 is
/// stored, so it cannot be shown again); <c>fapiao apikey list --tenant T</c>: the keys' ids and roles.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var role = AccountOptions.Role();
        var create = new Command("create", "Create an API key for the tenant (--tenant) with a role; the key is printed once") { role };
        create.SetAction(async (parse, ct) =>
        {
            var tenant = CliContext.CheckTenantName(parse.GetValue(GlobalOptions.Tenant)!);
            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            var accounts = new AccountService(stores.Ledger, stores.Accounts, TimeProvider.System);
            string key;
            ApiKeyRecord record;
            try
            {
                (key, record) = await accounts.CreateApiKeyAsync(tenant, AccountOptions.Parse(parse, role), ct).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCodes.Usage, ex.Message);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", record.Id);
                    w.WriteString("tenant", record.Tenant);
                    w.WriteString("role", record.Role.ToText());
                    w.WriteString("key", key);
                    w.WriteEndObject();
                });
            }
            else
            {
                Console.WriteLine(key);
                Console.Error.WriteLine($"API key {record.Id} for tenant \"{tenant}\", role {record.Role.ToText()}. It is shown this once: only its hash is stored.");
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the tenant's API keys (ids and roles; the keys themselves are not stored)");
        list.SetAction(async (parse, ct) =>
        {
            var tenant = CliContext.CheckTenantName(parse.GetValue(GlobalOptions.Tenant)!);
            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            var keys = await stores.Accounts.ListApiKeysAsync(tenant, ct).ConfigureAwait(false);
            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var k in keys)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", k.Id);
                        w.WriteString("role", k.Role.ToText());
                        w.WriteString("createdAt", LedgerJson.Time(k.CreatedAt));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
            }
            else
            {
                Human.Table(["id", "role", "created"], keys.Select(k => new[] { k.Id, k.Role.ToText(), LedgerJson.Time(k.CreatedAt) }));
            }

            return ExitCodes.Ok;
        });

        var command = new Command("apikey", "API keys for the HTTP API (Authorization: Bearer KEY)");
        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        return command;
    }
}
