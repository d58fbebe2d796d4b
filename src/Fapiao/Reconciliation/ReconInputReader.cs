using System.Globalization;
using Fapiao.Domain;
using Fapiao.Formats;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Formats.Lines;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Reconciliation;

/// <summary>
/// Reads one side of a reconciliation from a stream: a platform export (CSV; XLSX through the
/// row reader the host hands in) or a ledger's <c>fapiao export</c> (JSON Lines, CSV, XLSX). Rows
/// are read into drafts by the ingest readers and taken as they are, not validated: a row the
/// ledger would refuse is still a row the other system holds. Only a row with no invoice number is
/// unreadable; it is reported, never dropped silently.
/// </summary>
internal sealed class ReconInputReader(IReadOnlyDictionary<InputFormat, IInputRowReader>? rowReaders = null)
{
    public IEnumerable<ReconRecord> Read(Stream stream, string name, string side, Action<UnreadableRow> unreadable)
    {
        var head = SubmissionReader.ReadHead(stream);
        var format = FormatDetector.Detect(head);
        stream = stream.CanSeek ? SubmissionReader.Rewound(stream, head.Length) : new ReplayStream(head, stream);
        return format switch
        {
            InputFormat.JsonLines => ReadJsonLines(stream, name, side, unreadable),
            InputFormat.Csv => ReadRows(new PlatformCsvReader(), stream, name, side, unreadable),
            _ when rowReaders is not null && rowReaders.TryGetValue(format, out var reader) => ReadRows(reader, stream, name, side, unreadable),
            _ => throw new ReconciliationException(ErrorCodes.ReconcileFormat, $"{name} is {format}, not an export: reconcile reads a platform export (CSV, XLSX) or a ledger's fapiao export (JSON Lines, CSV, XLSX)."),
        };
    }

    /// <summary>A draft to a record, or null with the reason when it gives no key.</summary>
    public static ReconRecord? ToRecord(InvoiceDraft draft, string source, List<Problem> problems, out UnreadableRow? why, string side)
    {
        why = null;
        var number = Clean(draft.Number);
        if (number is null)
        {
            var problem = problems.FirstOrDefault(p => p.IsError && p.Field is "number" or "发票号码" or "数电发票号码")
                ?? problems.FirstOrDefault(p => p.IsError);
            why = new UnreadableRow(side, source, problem?.Code ?? ErrorCodes.FieldRequired, problem?.Message ?? "The row has no invoice number.");
            return null;
        }

        var code = Clean(draft.Code);
        return new ReconRecord(
            code is null ? number : code + "-" + number,
            source,
            draft.IssueDate is { } d && ExportDates.TryParse(d, out var date) ? date : null,
            Clean(draft.Seller?.TaxId),
            Clean(draft.Buyer?.TaxId),
            Money(draft.Amount),
            Money(draft.Tax),
            Money(draft.Total),
            draft.PlatformStatus is { } status ? StateOf(status) : null);
    }

    /// <summary>The platform's status in the ledger's state words, so both sides compare alike.</summary>
    public static string StateOf(PlatformStatus status) => status switch
    {
        PlatformStatus.Normal => InvoiceState.Normal.ToText(),
        PlatformStatus.Voided => InvoiceState.Voided.ToText(),
        PlatformStatus.Reversed => InvoiceState.Reversed.ToText(),
        PlatformStatus.PartiallyReversed => InvoiceState.PartiallyReversed.ToText(),
        _ => "unknown",
    };

    private IEnumerable<ReconRecord> ReadJsonLines(Stream stream, string name, string side, Action<UnreadableRow> unreadable)
    {
        foreach (var line in LineReader.Read(stream))
        {
            var source = $"{name}:{line.Number}";
            if (line.TooLong)
            {
                unreadable(new UnreadableRow(side, source, ErrorCodes.InputTooLarge, $"The line is {line.Length} bytes long; the limit is {line.Bytes.Length}."));
                continue;
            }

            var problems = new List<Problem>();
            var draft = InvoiceJsonReader.Read(line.Bytes, problems, skipLines: true);
            if (Keyed(draft, source, problems, side, unreadable) is { } record)
            {
                yield return record;
            }
        }
    }

    private static IEnumerable<ReconRecord> ReadRows(IInputRowReader reader, Stream stream, string name, string side, Action<UnreadableRow> unreadable)
    {
        foreach (var row in reader.Read(stream))
        {
            if (Keyed(row.Draft, $"{name}:{row.Number}", row.Problems, side, unreadable) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>A row's draft to a record; a row with no draft or no key is reported unreadable (null).</summary>
    internal static ReconRecord? Keyed(InvoiceDraft? draft, string source, List<Problem> problems, string side, Action<UnreadableRow> unreadable)
    {
        if (draft is null)
        {
            var problem = problems.FirstOrDefault(p => p.IsError);
            unreadable(new UnreadableRow(side, source, problem?.Code ?? ErrorCodes.FieldRequired, problem?.Message ?? "The row could not be read."));
            return null;
        }

        var record = ToRecord(draft, source, problems, out var why, side);
        if (why is not null)
        {
            unreadable(why);
        }

        return record;
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToUpperInvariant();
    }

    /// <summary>Exact decimal: 100, 100.0 and 100.00 are the same amount; a value with more decimals is kept as it is.</summary>
    private static decimal? Money(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (Amounts.TryParseMoney(trimmed, out var value))
        {
            return value;
        }

        return decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var exact) ? exact : null;
    }
}
