using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao consistency --from N [--to M]</c>: proof that the log of size M extends the log of size N.</summary>
internal static class ConsistencyCommand
{
    public static Command Create()
    {
        var from = new Option<long>("--from") { Description = "The older tree size", Required = true };
        var to = new Option<long?>("--to") { Description = "The newer tree size (default: the current size)" };
        var command = new Command("consistency", "Print a consistency proof between two tree sizes") { from, to };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var head = await context.Store.GetHeadAsync(context.Tenant, ct).ConfigureAwait(false);
            var size1 = parse.GetValue(from);
            var size2 = parse.GetValue(to) ?? head.Size;
            if (size1 < 1 || size2 > head.Size || size1 > size2)
            {
                throw new CliException(ExitCodes.Usage, $"Need 1 <= --from <= --to <= {head.Size} (the log's size); got {size1} and {size2}.");
            }

            var view = await context.Ledger.ConsistencyAsync(context.Tenant, size1, size2, ct).ConfigureAwait(false);
            JsonOut.Write(w => LedgerJson.WriteConsistency(w, view));
            return ExitCodes.Ok;
        });
        return command;
    }
}
