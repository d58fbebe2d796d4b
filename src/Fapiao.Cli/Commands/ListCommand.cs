using System.CommandLine;
using System.Globalization;
using Fapiao.Cli.Output;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao list</c>: invoices filtered by seller, buyer, date range and state, streamed.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var seller = new Option<string?>("--seller") { Description = "Seller tax ID" };
        var buyer = new Option<string?>("--buyer") { Description = "Buyer tax ID" };
        var from = new Option<string?>("--from") { Description = "Issued on or after (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Issued on or before (YYYY-MM-DD)" };
        var state = new Option<string?>("--state") { Description = "normal, partially-reversed, reversed or voided" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV" };
        var command = new Command("list", "List invoices") { seller, buyer, from, to, state, csv };
        command.SetAction(async (parse, ct) =>
        {
            InvoiceState? stateFilter = null;
            if (parse.GetValue(state) is { } s)
            {
                stateFilter = InvoiceStates.TryParse(s, out var parsed) ? parsed : throw new CliException(ExitCodes.Usage, $"Unknown state \"{s}\".");
            }

            var query = new InvoiceQuery(parse.GetValue(seller), parse.GetValue(buyer), Date(parse.GetValue(from)), Date(parse.GetValue(to)), stateFilter);
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var rows = context.Store.QueryInvoicesAsync(context.Tenant, query, ct);
            if (context.Json)
            {
                // Streamed element by element: a million invoices need no more memory than ten.
                Console.Out.Flush();
                await using var stdout = Console.OpenStandardOutput();
                await using var w = new System.Text.Json.Utf8JsonWriter(stdout, JsonOut.Indented);
                w.WriteStartArray();
                await foreach (var r in rows.ConfigureAwait(false))
                {
                    LedgerJson.WriteInvoiceRow(w, r);
                    if (w.BytesPending > 1 << 16)
                    {
                        await w.FlushAsync(ct).ConfigureAwait(false);
                    }
                }

                w.WriteEndArray();
                await w.FlushAsync(ct).ConfigureAwait(false);
                stdout.WriteByte((byte)'\n');
                return ExitCodes.Ok;
            }

            if (parse.GetValue(csv))
            {
                Console.WriteLine("key,type,issueDate,seller,buyer,amount,total,state");
                await foreach (var r in rows.ConfigureAwait(false))
                {
                    Console.WriteLine(Csv.Row(Cells(r)));
                }

                return ExitCodes.Ok;
            }

            var table = new List<string?[]>();
            await foreach (var r in rows.ConfigureAwait(false))
            {
                table.Add(Cells(r));
            }

            Human.Table(["key", "type", "issued", "seller", "buyer", "amount", "total", "state"], table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string?[] Cells(InvoiceRecord r) =>
        [r.Key, r.Type, r.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.SellerTaxId, r.BuyerTaxId,
         r.Amount is { } a ? Amounts.FormatMoney(a) : "", r.Total is { } t ? Amounts.FormatMoney(t) : "", r.State.ToText()];

    private static DateOnly? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return IssueDates.TryParseIsoDate(text, out var date) ? date : throw new CliException(ExitCodes.Usage, $"\"{text}\" is not a date (YYYY-MM-DD).");
    }
}
