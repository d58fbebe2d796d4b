using System.Globalization;
using System.Text;
using System.Text.Json;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ledger.Events;
using Fapiao.Storage;

namespace Fapiao.Formats.Json;

/// <summary>
/// The JSON shapes the CLI (<c>--json</c>, <c>--results</c>) and the HTTP API share: one writer
/// each, so the two interfaces cannot drift apart.
/// </summary>
internal static class LedgerJson
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>One line of <c>--results</c>: source, key, outcome, errors, quarantineId, receipt.</summary>
    public static void WriteIngestResult(Utf8JsonWriter w, IngestResult result)
    {
        w.WriteStartObject();
        w.WriteString("source", result.Source);
        if (result.Key is null)
        {
            w.WriteNull("key");
        }
        else
        {
            w.WriteString("key", result.Key);
        }

        w.WriteString("outcome", result.Outcome.ToText());
        w.WritePropertyName("errors");
        ProblemsJson.WriteArray(w, result.Problems);
        if (result.QuarantineId is { } id)
        {
            w.WriteNumber("quarantineId", id);
        }

        if (result.Receipt is { } receipt)
        {
            w.WritePropertyName("receipt");
            ReceiptJson.Write(w, receipt);
        }
        else
        {
            w.WriteNull("receipt");
        }

        w.WriteEndObject();
    }

    /// <summary>The counts of an ingest: accepted, duplicates, enriched, conflicts, rejected, warnings.</summary>
    public static void WriteSummaryFields(Utf8JsonWriter w, IngestSummary s)
    {
        w.WriteNumber("accepted", s.Accepted);
        w.WriteNumber("duplicates", s.Duplicates);
        w.WriteNumber("enriched", s.Enriched);
        w.WriteNumber("conflicts", s.Conflicts);
        w.WriteNumber("rejected", s.Rejected);
        w.WriteNumber("warnings", s.Warnings);
    }

    /// <summary>One invoice as <c>fapiao show --json</c> prints it: key, invoice, state, warnings, contentHash, reversed, events.</summary>
    public static void WriteInvoiceView(Utf8JsonWriter w, InvoiceView view)
    {
        w.WriteStartObject();
        w.WriteString("key", view.Record.Key);
        w.WritePropertyName("invoice");
        w.WriteRawValue(view.InvoiceJson.Span); // the stored canonical bytes, checked as JSON by the writer
        w.WriteString("state", view.Record.State.ToText());
        w.WritePropertyName("warnings");
        ProblemsJson.WriteArray(w, view.Record.Warnings);
        w.WriteString("contentHash", view.Record.ContentHash);
        if (view.Record.RedLetterOf is null && view.Record.ReversedTotal != 0)
        {
            w.WriteStartObject("reversed");
            w.WriteString("amount", Amounts.FormatMoney(view.Record.ReversedAmount));
            w.WriteString("tax", Amounts.FormatMoney(view.Record.ReversedTax));
            w.WriteString("total", Amounts.FormatMoney(view.Record.ReversedTotal));
            w.WriteEndObject();
        }

        w.WriteStartArray("events");
        foreach (var e in view.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("index", e.Index);
            w.WriteString("kind", e.Kind);
            w.WriteString("at", Time(e.At));
            var (source, original) = EventCodec.Provenance(e.Bytes);
            w.WriteString("source", source);
            original?.WriteProperty(w);

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One row of <c>fapiao list --json</c>.</summary>
    public static void WriteInvoiceRow(Utf8JsonWriter w, InvoiceRecord r)
    {
        w.WriteStartObject();
        w.WriteString("key", r.Key);
        w.WriteString("type", r.Type);
        w.WriteString("issueDate", r.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("seller", r.SellerTaxId);
        w.WriteString("buyer", r.BuyerTaxId);
        w.WriteString("amount", r.Amount is { } a ? Amounts.FormatMoney(a) : null);
        w.WriteString("total", r.Total is { } t ? Amounts.FormatMoney(t) : null);
        w.WriteString("state", r.State.ToText());
        w.WriteEndObject();
    }

    /// <summary>The signed tree head: size, rootHash, body (C2SP checkpoint text), signature.</summary>
    public static void WriteCheckpointFields(Utf8JsonWriter w, SignedCheckpoint cp)
    {
        w.WriteNumber("size", cp.Size);
        w.WriteBase64String("rootHash", cp.Root);
        w.WriteString("body", cp.Body);
        w.WriteBase64String("signature", cp.Signature);
    }

    public static void WriteConsistency(Utf8JsonWriter w, ConsistencyView view)
    {
        w.WriteStartObject();
        w.WriteNumber("size1", view.Size1);
        w.WriteNumber("size2", view.Size2);
        w.WriteBase64String("root1", view.Root1);
        w.WriteBase64String("root2", view.Root2);
        ReceiptJson.WriteHashes(w, "proof", view.Proof);
        w.WriteEndObject();
    }

    /// <summary>A quarantined submission; with <paramref name="includeRaw"/> its kept bytes (base64, and as text when UTF-8).</summary>
    public static void WriteQuarantineItem(Utf8JsonWriter w, QuarantineItem item, bool includeRaw)
    {
        w.WriteStartObject();
        w.WriteNumber("id", item.Id);
        w.WriteString("outcome", item.Outcome);
        w.WriteString("source", item.Source);
        w.WriteString("at", Time(item.At));
        w.WriteString("actor", item.Actor);
        w.WriteString("key", item.Key);
        w.WritePropertyName("errors");
        ProblemsJson.WriteArray(w, item.Problems);
        if (item.Original is { } original)
        {
            original.WriteProperty(w);
        }
        else
        {
            w.WriteNull("original");
        }

        WriteResolution(w, item.Resolution);
        w.WriteNumber("rawLength", item.RawLength);
        w.WriteString("rawSha256", Convert.ToHexStringLower(item.RawSha256));
        if (includeRaw)
        {
            w.WriteBoolean("rawTruncated", item.RawTruncated);
            w.WriteBase64String("raw", item.Raw);
            w.WriteString("rawText", Text(item.Raw));
        }

        w.WriteEndObject();
    }

    /// <summary>How a quarantined item was resolved, or null while it is open.</summary>
    public static void WriteResolution(Utf8JsonWriter w, QuarantineResolution? resolution)
    {
        if (resolution is null)
        {
            w.WriteNull("resolution");
            return;
        }

        w.WriteStartObject("resolution");
        w.WriteNumber("event", resolution.EventIndex);
        w.WriteString("key", resolution.Key);
        w.WriteString("at", Time(resolution.At));
        w.WriteEndObject();
    }

    /// <summary>The bytes as text when they are valid UTF-8, else null (then only base64 is shown).</summary>
    public static string? Text(byte[] raw) => System.Text.Unicode.Utf8.IsValid(raw) ? Encoding.UTF8.GetString(raw) : null;
}
