using System.CommandLine;
using Fapiao.Accounts;

namespace Fapiao.Cli.Commands;

/// <summary>The --role option of the account commands.</summary>
internal static class AccountOptions
{
    public static Option<string> Role() 
    {
        var role = new Option<string>("--role")
        {
            Description = "viewer, clerk (submits), reviewer, admin (the tenant's users and keys), auditor (reads everything of the tenant) or operator (every tenant)",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. Roles.Names]);
        return role;
    }

    public static Role Parse(ParseResult parse, Option<string> option) =>
        Roles.TryParse(parse.GetValue(option), out var role) ? role : throw new CliException(ExitCodes.Usage, "--role: unknown role.");
}
