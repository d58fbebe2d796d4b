using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao checkpoint</c>: the latest signed tree head of the tenant's log.</summary>
internal static class CheckpointCommand
{
    public static Command Create()
    {
        var command = new Command("checkpoint", "Print the latest signed checkpoint (tree head)");
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var cp = await context.Store.GetLatestCheckpointAsync(context.Tenant, ct).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.NotFound, $"The log of tenant \"{context.Tenant}\" is empty: nothing has been signed yet.");
            if (context.Json)
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    LedgerJson.WriteCheckpointFields(w, cp);
                    w.WriteEndObject();
                });
            }
            else
            {
                Console.Write(cp.Body);
                Console.WriteLine();
                Console.WriteLine("— ECDSA P-256 SHA-256 DER signature (base64): " + Convert.ToBase64String(cp.Signature));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
