using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fapiao.Cli.Output;
using Fapiao.Domain;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Formats.Xlsx;
using Fapiao.Ledger.Events;
using Fapiao.Storage;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao export</c>: the tenant's invoices, streamed. JSON Lines holds the canonical invoices
/// (ingestible again as they are); CSV and XLSX hold one row per invoice with its state, every
/// identifier and amount as text, under the column names the platform-export reader reads back
/// (header totals only: lines are in JSON Lines).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl, csv or xlsx", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the tenant's invoices") { format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
            var path = parse.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var count = parse.GetValue(format) switch
            {
                "csv" => await WriteCsvAsync(context, stream, ct).ConfigureAwait(false),
                "xlsx" => WriteXlsx(context, stream, ct),
                _ => await WriteJsonLinesAsync(context, stream, ct).ConfigureAwait(false),
            };

            await stream.FlushAsync(ct).ConfigureAwait(false);
            if (path is not null && !context.Json)
            {
                Human.Line($"exported {count} invoices to {path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<long> WriteJsonLinesAsync(CliContext context, Stream stream, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(stream, CanonicalInvoiceJson.WriterOptions);
        long count = 0;
        await foreach (var (invoice, _) in InvoicesAsync(context, ct).ConfigureAwait(false))
        {
            CanonicalInvoiceJson.Write(writer, invoice);
            await writer.FlushAsync(ct).ConfigureAwait(false);
            writer.Reset();
            stream.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    private static async Task<long> WriteCsvAsync(CliContext context, Stream stream, CancellationToken ct)
    {
        stream.Write(Encoding.UTF8.GetBytes(ExportColumns.LedgerExportHeader + "\n"));
        long count = 0;
        await foreach (var (invoice, record) in InvoicesAsync(context, ct).ConfigureAwait(false))
        {
            stream.Write(Encoding.UTF8.GetBytes(Csv.Row(Cells(invoice, record)) + "\n"));
            count++;
        }

        return count;
    }

    /// <summary>MiniExcel writes from a plain enumerable: the store's rows are pulled through it one at a time.</summary>
    private static long WriteXlsx(CliContext context, Stream stream, CancellationToken ct)
    {
        long count = 0;
        var rows = InvoicesAsync(context, ct).ToBlockingEnumerable(ct).Select(pair =>
        {
            count++;
            return (IReadOnlyList<string?>)Cells(pair.Invoice, pair.Record);
        });
        XlsxTableWriter.Write(stream, [.. ExportColumns.LedgerExport.Select(c => c.Name)], rows);
        return count;
    }

    private static async IAsyncEnumerable<(Invoice Invoice, InvoiceRecord Record)> InvoicesAsync(CliContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var record in context.Store.QueryInvoicesAsync(context.Tenant, new InvoiceQuery(), ct).ConfigureAwait(false))
        {
            var stored = await context.Store.GetEventAsync(context.Tenant, record.ContentIndex, ct).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.VerificationFailed, $"The event {record.ContentIndex} of {record.Key} is missing: run fapiao verify.");
            yield return (EventCodec.Decode(stored.Bytes, context.Ledger.Validator).Invoice!, record);
        }
    }

    /// <summary>In the order of <see cref="ExportColumns.LedgerExport"/>.</summary>
    private static string?[] Cells(Invoice i, InvoiceRecord r) =>
    [
        i.Key.Number, i.Key.Code, i.Type, i.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        i.Seller?.TaxId, i.Seller?.Name, i.Buyer?.TaxId, i.Buyer?.Name,
        Money(i.Amount), Money(i.Tax), Money(i.Total), i.CheckCode, i.RedLetterOf?.ToString(), r.State.ToText(), i.Remarks,
    ];

    private static string? Money(decimal? value) => value is { } v ? Amounts.FormatMoney(v) : null;
}
