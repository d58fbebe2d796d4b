using System.CommandLine;
using Fapiao.Accounts;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao user add NAME --tenant T --role R --password-stdin</c>: a person who signs in to the
/// web UI; the password is read from standard input (never from the command line, where other
/// users could see it) and stored as a PBKDF2 hash. <c>fapiao user list --tenant T</c>.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The login name: 1–63 lower-case letters, digits, '.', '_' or '-' (unique across tenants)" };
        var role = AccountOptions.Role();
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (required)" };
        var replace = new Option<bool>("--replace") { Description = "Set the tenant, role and password of an existing user" };
        var add = new Command("add", "Add a user of the tenant (--tenant) with a role") { name, role, passwordStdin, replace };
        add.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(passwordStdin))
            {
                throw new CliException(ExitCodes.Usage, "Give the password on standard input with --password-stdin (e.g. printf '%s\\n' \"$PASSWORD\" | fapiao user add …).");
            }

            var password = (await Console.In.ReadLineAsync(ct).ConfigureAwait(false))?.TrimEnd('\r') ?? "";
            var tenant = CliContext.CheckTenantName(parse.GetValue(GlobalOptions.Tenant)!);
            var user = parse.GetValue(name)!;
            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            var accounts = new AccountService(stores.Ledger, stores.Accounts, TimeProvider.System);
            bool saved;
            try
            {
                saved = await accounts.SaveUserAsync(user, tenant, AccountOptions.Parse(parse, role), password, parse.GetValue(replace), ct).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCodes.Usage, ex.Message);
            }

            if (!saved)
            {
                throw new CliException(ExitCodes.Usage, $"There is a user \"{user}\" already; add --replace to change it.");
            }

            Human.Line($"User \"{user}\" of tenant \"{tenant}\" saved; sign in at /login.", "green");
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the tenant's users");
        list.SetAction(async (parse, ct) =>
        {
            var tenant = CliContext.CheckTenantName(parse.GetValue(GlobalOptions.Tenant)!);
            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            var users = await stores.Accounts.ListUsersAsync(tenant, ct).ConfigureAwait(false);
            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var u in users)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", u.Name);
                        w.WriteString("role", u.Role.ToText());
                        w.WriteString("createdAt", LedgerJson.Time(u.CreatedAt));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
            }
            else
            {
                Human.Table(["name", "role", "created"], users.Select(u => new[] { u.Name, u.Role.ToText(), LedgerJson.Time(u.CreatedAt) }));
            }

            return ExitCodes.Ok;
        });

        var command = new Command("user", "People who sign in to the web UI");
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
