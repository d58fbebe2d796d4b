using System.CommandLine;
using Fapiao.Cli.Output;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Ledger.Events;
using Fapiao.Sqlite;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao show KEY</c>: the invoice, its state, warnings and history.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var key = KeyArgument.Create();
        var command = new Command("show", "Show one invoice: its fields, state, warnings and events");
        command.Arguments.Add(key);
        command.SetAction(async (parse, ct) =>
        {
            var invoiceKey = KeyArgument.Parse(parse, key);
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var view = await context.Ledger.ShowAsync(context.Tenant, invoiceKey, ct).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.NotFound, $"Invoice {invoiceKey} is not in the ledger of tenant \"{context.Tenant}\".");
            if (context.Json)
            {
                JsonOut.Write(w => LedgerJson.WriteInvoiceView(w, view));
                return ExitCodes.Ok;
            }

            Print(view);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(InvoiceView view)
    {
        var i = view.Invoice;
        Human.Line($"{view.Record.Key}  type {i.Type}  issued {i.IssueDate:yyyy-MM-dd}  state {view.Record.State.ToText()}", "bold");
        Human.Line($"seller  {i.Seller?.TaxId} {i.Seller?.Name}");
        Human.Line($"buyer   {i.Buyer?.TaxId} {i.Buyer?.Name}");
        if (i.Lines is { Count: > 0 } lines)
        {
            Human.Table(["name", "quantity", "unit price", "amount", "rate", "tax"],
                lines.Select(l => new[] { l.Name, l.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture), l.UnitPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture), Amounts.FormatMoney(l.Amount), l.TaxRate.Canonical, Amounts.FormatMoney(l.Tax) }));
        }

        Human.Line($"amount {Money(i.Amount)}  tax {Money(i.Tax)}  total {Money(i.Total)}");
        if (i.RedLetterOf is { } red)
        {
            Human.Line($"reverses {red}");
        }

        foreach (var w in view.Record.Warnings)
        {
            Human.Line($"warning {w.Code} {w.Field}: {w.Message}", "yellow");
        }

        Human.Table(["event", "kind", "at", "source", "original"], view.Events.Select(e =>
        {
            var (source, original) = EventCodec.Provenance(e.Bytes);
            return new[]
            {
                e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Kind, Times.Format(e.At), source,
                original is { } o ? $"{o.Sha256}@{o.Place}" : "",
            };
        }));
    }

    private static string Money(decimal? value) => value is { } v ? Amounts.FormatMoney(v) : "—";
}
