using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao receipt KEY</c>: the receipt of the invoice's current content, proved against the latest checkpoint.</summary>
internal static class ReceiptCommand
{
    public static Command Create()
    {
        var key = KeyArgument.Create();
        var command = new Command("receipt", "Print the verifiable receipt of an invoice (JSON)");
        command.Arguments.Add(key);
        command.SetAction(async (parse, ct) =>
        {
            var invoiceKey = KeyArgument.Parse(parse, key);
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var receipt = await context.Ledger.ReceiptAsync(context.Tenant, invoiceKey, ct).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.NotFound, $"Invoice {invoiceKey} is not in the ledger of tenant \"{context.Tenant}\".");
            JsonOut.Write(w => ReceiptJson.Write(w, receipt));
            return ExitCodes.Ok;
        });
        return command;
    }
}
