using System.CommandLine;
using Fapiao.Accounts;
using Fapiao.Cli.Output;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao tenant create NAME</c> and <c>fapiao tenant list</c>.</summary>
internal static class TenantCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The tenant: 1–63 lower-case letters, digits, '.', '_' or '-'" };
        var create = new Command("create", "Add a tenant (an organisation with a log of its own) to the ledger") { name };
        create.SetAction(async (parse, ct) =>
        {
            var tenant = CliContext.CheckTenantName(parse.GetValue(name)!);
            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            var created = await new AccountService(stores.Ledger, stores.Accounts, TimeProvider.System).CreateTenantAsync(tenant, ct).ConfigureAwait(false);
            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("tenant", tenant);
                    w.WriteBoolean("created", created);
                    w.WriteEndObject();
                });
            }
            else
            {
                Human.Line(created ? $"Tenant \"{tenant}\" created." : $"Tenant \"{tenant}\" already exists, nothing changed.", "green");
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the tenants");
        list.SetAction(async (parse, ct) =>
        {
            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            var tenants = await stores.Ledger.ListTenantsAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var t in tenants)
                    {
                        w.WriteStringValue(t);
                    }

                    w.WriteEndArray();
                });
            }
            else
            {
                foreach (var t in tenants)
                {
                    Console.WriteLine(t);
                }
            }

            return ExitCodes.Ok;
        });

        var command = new Command("tenant", "Tenants: each has its own log, keys and users");
        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        return command;
    }
}
