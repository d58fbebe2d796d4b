using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fapiao.Cli.Output;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Ledger.Events;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao export</c>: the tenant's invoices, streamed. JSON Lines holds the canonical invoices
/// (ingestible again as they are); CSV holds one row per invoice with its state, every identifier
/// as text.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the tenant's invoices") { format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var path = parse.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var csv = parse.GetValue(format) == "csv";
            await using var writer = new Utf8JsonWriter(stream, CanonicalInvoiceJson.WriterOptions);
            long count = 0;
            if (csv)
            {
                stream.Write(Encoding.UTF8.GetBytes("number,code,type,issueDate,sellerTaxId,sellerName,buyerTaxId,buyerName,amount,tax,total,checkCode,redLetterOf,state,remarks\n"));
            }

            await foreach (var record in context.Store.QueryInvoicesAsync(context.Tenant, new InvoiceQuery(), ct).ConfigureAwait(false))
            {
                var stored = await context.Store.GetEventAsync(context.Tenant, record.ContentIndex, ct).ConfigureAwait(false)
                    ?? throw new CliException(ExitCodes.VerificationFailed, $"The event {record.ContentIndex} of {record.Key} is missing: run fapiao verify.");
                var invoice = EventCodec.Decode(stored.Bytes, context.Ledger.Validator).Invoice!;
                if (csv)
                {
                    stream.Write(Encoding.UTF8.GetBytes(Csv.Row(Cells(invoice, record)) + "\n"));
                }
                else
                {
                    CanonicalInvoiceJson.Write(writer, invoice);
                    await writer.FlushAsync(ct).ConfigureAwait(false);
                    writer.Reset();
                    stream.WriteByte((byte)'\n');
                }

                count++;
            }

            await stream.FlushAsync(ct).ConfigureAwait(false);
            if (path is not null && !context.Json)
            {
                Human.Line($"exported {count} invoices to {path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string?[] Cells(Invoice i, InvoiceRecord r) =>
    [
        i.Key.Number, i.Key.Code, i.Type, i.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        i.Seller?.TaxId, i.Seller?.Name, i.Buyer?.TaxId, i.Buyer?.Name,
        Money(i.Amount), Money(i.Tax), Money(i.Total), i.CheckCode, i.RedLetterOf?.ToString(), r.State.ToText(), i.Remarks,
    ];

    private static string? Money(decimal? value) => value is { } v ? Amounts.FormatMoney(v) : null;
}
