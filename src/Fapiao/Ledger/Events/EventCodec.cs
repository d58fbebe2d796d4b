using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fapiao.Domain;
using Fapiao.Formats;
using Fapiao.Formats.Json;
using Fapiao.Originals;
using Fapiao.Validation;

namespace Fapiao.Ledger.Events;

/// <summary>
/// The byte form of events. These bytes are what the Merkle leaf hashes, so the writer emits one
/// fixed layout (field order, no whitespace) and the reader refuses anything it cannot account for.
/// </summary>
internal static class EventCodec
{
    public static byte[] Encode(LedgerEvent e) => JsonBytes.Write(e, Write);

    private static void Write(Utf8JsonWriter w, LedgerEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("v", LedgerEvent.FormatVersion);
        w.WriteString("kind", e.Kind);
        w.WriteString("tenant", e.Tenant);
        if (e.Key is not null)
        {
            w.WriteString("key", e.Key);
        }

        Span<char> at = stackalloc char[32];
        e.At.UtcDateTime.TryFormat(at, out var atLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        w.WriteString("at", at[..atLength]);
        w.WriteString("actor", e.Actor);
        w.WriteString("source", e.Source);
        e.Original?.WriteProperty(w);

        if (e.ContentHash is not null)
        {
            w.WriteString("contentHash", e.ContentHash);
        }

        if (e.Invoice is not null)
        {
            w.WritePropertyName("invoice");
            if (e.InvoiceBytes.IsEmpty)
            {
                CanonicalInvoiceJson.Write(w, e.Invoice);
            }
            else
            {
                w.WriteRawValue(e.InvoiceBytes.Span, skipInputValidation: true);
            }
        }

        if (e.Added.Count > 0)
        {
            w.WriteStartArray("added");
            foreach (var field in e.Added)
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();
        }

        WriteOptional(w, "red", e.Red);
        WriteMoney(w, "amount", e.Amount);
        WriteMoney(w, "tax", e.Tax);
        WriteMoney(w, "total", e.Total);
        WriteOptional(w, "reason", e.Reason);
        if (e.Quarantine is { } quarantine)
        {
            w.WriteNumber("quarantine", quarantine);
        }

        if (e.Warnings.Count > 0)
        {
            w.WriteStartArray("warnings");
            foreach (var p in e.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("code", p.Code);
                w.WriteString("field", p.Field);
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Decodes stored event bytes; throws <see cref="FormatException"/> when they are not an event this
    /// ledger wrote. With a validator the invoice is read whole and checked again; without one
    /// (verify's hot path) only the fields the projection uses are read, lines left out, and
    /// <see cref="LedgerEvent.InvoiceBytes"/> holds the exact invoice bytes for the content-hash check.
    /// </summary>
    public static LedgerEvent Decode(ReadOnlyMemory<byte> bytes, InvoiceValidator? validator)
    {
        try
        {
            return DecodeCore(bytes, validator);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new FormatException("The event bytes are not a well-formed event: " + ex.Message, ex);
        }
    }

    private static LedgerEvent DecodeCore(ReadOnlyMemory<byte> bytes, InvoiceValidator? validator)
    {
        var r = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = 16 });
        var invoiceBytes = ReadOnlyMemory<byte>.Empty;
        Expect(r.Read() && r.TokenType == JsonTokenType.StartObject, "an object");
        string? kind = null, tenant = null, key = null, actor = null, source = null, contentHash = null, red = null, reason = null;
        DateTimeOffset? at = null;
        OriginalRef? original = null;
        long? quarantine = null;
        decimal? amount = null, tax = null, total = null;
        Invoice? invoice = null;
        IReadOnlyList<string> added = [];
        IReadOnlyList<Problem> warnings = [];
        var version = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = FieldName(ref r);
            r.Read();
            switch (name)
            {
                case "v": version = r.GetInt32(); break;
                case "kind": kind = KnownKind(ref r) ?? r.GetString(); break;
                case "tenant": tenant = Repeated(ref r, ref lastTenant); break;
                case "key": key = r.GetString(); break;
                case "at": at = ReadTime(ref r); break;
                case "actor": actor = Repeated(ref r, ref lastActor); break;
                case "source": source = r.GetString(); break;
                case "original": original = ReadOriginal(ref r); break;
                case "quarantine": quarantine = r.GetInt64(); break;
                case "contentHash": contentHash = r.GetString(); break;
                case "invoice":
                    var start = (int)r.TokenStartIndex;
                    r.Skip();
                    invoiceBytes = bytes[start..(int)r.BytesConsumed];
                    invoice = ReadInvoice(invoiceBytes.Span, validator);
                    break;
                case "added": added = ReadStrings(ref r); break;
                case "red": red = r.GetString(); break;
                case "amount": amount = ReadMoney(ref r); break;
                case "tax": tax = ReadMoney(ref r); break;
                case "total": total = ReadMoney(ref r); break;
                case "reason": reason = r.GetString(); break;
                case "warnings": warnings = ReadWarnings(ref r); break;
                default: throw new FormatException($"Unknown event field \"{name}\".");
            }
        }

        Expect(r.TokenType == JsonTokenType.EndObject && !r.Read(), "the end of the event");
        Expect(version == LedgerEvent.FormatVersion, "event format version 1");
        return new LedgerEvent
        {
            Kind = kind ?? throw new FormatException("The event has no kind."),
            Tenant = tenant ?? throw new FormatException("The event has no tenant."),
            Key = key,
            At = at ?? throw new FormatException("The event has no time."),
            Actor = actor ?? throw new FormatException("The event has no actor."),
            Source = source ?? throw new FormatException("The event has no source."),
            Original = original,
            ContentHash = contentHash,
            Invoice = invoice,
            InvoiceBytes = invoiceBytes,
            Added = added,
            Red = red,
            Amount = amount,
            Tax = tax,
            Total = total,
            Reason = reason,
            Quarantine = quarantine,
            Warnings = warnings,
        };
    }

    /// <summary>The names an event has, so that decoding one allocates no string per field.</summary>
    private static readonly string[] FieldNames =
        ["v", "kind", "tenant", "key", "at", "actor", "source", "original", "contentHash", "invoice", "added", "red", "amount", "tax", "total", "reason", "quarantine", "warnings"];

    private static readonly byte[][] FieldNamesUtf8 = FieldNames.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    private static string? FieldName(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped && !r.HasValueSequence)
        {
            var span = r.ValueSpan;
            for (var i = 0; i < FieldNamesUtf8.Length; i++)
            {
                if (span.SequenceEqual(FieldNamesUtf8[i]))
                {
                    return FieldNames[i];
                }
            }
        }

        return r.GetString();
    }

    private static readonly string[] Kinds =
        [EventKinds.Recorded, EventKinds.Enriched, EventKinds.Reversed, EventKinds.Voided, EventKinds.QuarantineResolved, EventKinds.TenantCreated];

    private static readonly byte[][] KindsUtf8 = Kinds.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    /// <summary>The constant for a kind this ledger writes, so that decoding allocates no string for it; null for any other.</summary>
    private static string? KnownKind(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && !r.HasValueSequence)
        {
            for (var i = 0; i < KindsUtf8.Length; i++)
            {
                if (r.ValueSpan.SequenceEqual(KindsUtf8[i]))
                {
                    return Kinds[i];
                }
            }
        }

        return null;
    }

    /// <summary>The last tenant and actor decoded on this thread: a log repeats them event after event.</summary>
    [ThreadStatic]
    private static (byte[] Utf8, string Value)? lastTenant, lastActor;

    private static string? Repeated(ref Utf8JsonReader r, ref (byte[] Utf8, string Value)? last)
    {
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.HasValueSequence)
        {
            return r.GetString();
        }

        if (last is { } l && r.ValueSpan.SequenceEqual(l.Utf8))
        {
            return l.Value;
        }

        var value = r.GetString()!;
        last = (r.ValueSpan.ToArray(), value);
        return value;
    }

    /// <summary>The last event time decoded on this thread: the events of one group commit share it.</summary>
    [ThreadStatic]
    private static (byte[] Utf8, DateTimeOffset Value)? lastTime;

    private static DateTimeOffset ReadTime(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped && !r.HasValueSequence && lastTime is { } last && r.ValueSpan.SequenceEqual(last.Utf8))
        {
            return last.Value;
        }

        var value = DateTimeOffset.Parse(r.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (!r.ValueIsEscaped && !r.HasValueSequence)
        {
            lastTime = (r.ValueSpan.ToArray(), value);
        }

        return value;
    }

    /// <summary>
    /// The exact bytes of the <c>invoice</c> member of stored event bytes, found without decoding
    /// anything else; throws <see cref="FormatException"/> when the event has none or is not JSON.
    /// </summary>
    public static ReadOnlyMemory<byte> InvoiceJson(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var r = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = 16 });
            Expect(r.Read() && r.TokenType == JsonTokenType.StartObject, "an object");
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var isInvoice = r.ValueTextEquals("invoice"u8);
                r.Read();
                var start = (int)r.TokenStartIndex;
                r.Skip();
                if (isInvoice)
                {
                    return bytes[start..(int)r.BytesConsumed];
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException("The event bytes are not a well-formed event: " + ex.Message, ex);
        }

        throw new FormatException("The event holds no invoice.");
    }

    /// <summary>
    /// Where an event came from (its source and the kept original it names), read from stored event
    /// bytes without decoding the invoice in them: <c>show</c> and the API list this for every event.
    /// </summary>
    public static (string Source, OriginalRef? Original) Provenance(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var r = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = 16 });
            Expect(r.Read() && r.TokenType == JsonTokenType.StartObject, "an object");
            string? source = null;
            OriginalRef? original = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var isSource = r.ValueTextEquals("source"u8);
                var isOriginal = !isSource && r.ValueTextEquals("original"u8);
                r.Read();
                if (isSource)
                {
                    source = r.GetString();
                }
                else if (isOriginal)
                {
                    original = ReadOriginal(ref r);
                }
                else
                {
                    r.Skip();
                }
            }

            return (source ?? throw new FormatException("The event has no source."), original);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException("The event bytes are not a well-formed event: " + ex.Message, ex);
        }
    }

    /// <summary>Reads an invoice's canonical JSON (as <see cref="InvoiceJson"/> finds it) and validates it again.</summary>
    public static Invoice DecodeInvoice(ReadOnlyMemory<byte> json, InvoiceValidator validator)
    {
        try
        {
            return ReadInvoice(json.Span, validator);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new FormatException("The stored invoice is not well-formed: " + ex.Message, ex);
        }
    }

    private static Invoice ReadInvoice(ReadOnlySpan<byte> json, InvoiceValidator? validator)
    {
        var problems = new List<Problem>();
        var draft = InvoiceJsonReader.Read(json, problems, skipLines: validator is null);
        var invoice = draft is null ? null : validator is null ? ProjectionOnly(draft) : validator.Validate(draft, problems);
        return invoice ?? throw new FormatException("The event's invoice does not validate: " + string.Join("; ", problems.Where(p => p.IsError).Select(p => p.Code + " " + p.Field)));
    }

    /// <summary>The fields the projection folds, read without re-running every rule: the bytes are already covered by the Merkle tree.</summary>
    private static Invoice? ProjectionOnly(InvoiceDraft draft)
    {
        var keyText = string.IsNullOrEmpty(draft.Code) ? draft.Number : $"{draft.Code}-{draft.Number}";
        if (keyText is null || !InvoiceKey.TryParse(keyText, out var key) || draft.Type is null || !IssueDates.TryParseIsoDate(draft.IssueDate, out var date))
        {
            return null;
        }

        InvoiceKey? red = null;
        if (draft.RedLetterOf is { } redText)
        {
            red = InvoiceKey.TryParse(redText, out var parsed) ? parsed : throw new FormatException("Bad red-letter reference in event.");
        }

        return new Invoice
        {
            Key = key,
            Type = draft.Type,
            IssueDate = date,
            Seller = draft.Seller is { } s ? new Party(s.TaxId, s.Name) : null,
            Buyer = draft.Buyer is { } b ? new Party(b.TaxId, b.Name) : null,
            Amount = Money(draft.Amount),
            Tax = Money(draft.Tax),
            Total = Money(draft.Total),
            CheckCode = draft.CheckCode,
            Remarks = draft.Remarks,
            RedLetterOf = red,
        };

        static decimal? Money(string? text) =>
            text is null ? null : Amounts.TryParseMoney(text, out var value) ? value : throw new FormatException("Bad amount in event.");
    }

    private static OriginalRef ReadOriginal(ref Utf8JsonReader r)
    {
        Expect(r.TokenType == JsonTokenType.StartObject, "an original object");
        string? sha256 = null, place = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var isSha256 = r.ValueTextEquals("sha256"u8);
            var isPlace = !isSha256 && r.ValueTextEquals("place"u8);
            var name = isSha256 || isPlace ? null : r.GetString();
            r.Read();
            if (isSha256)
            {
                sha256 = r.GetString();
            }
            else if (isPlace)
            {
                place = r.GetString();
            }
            else
            {
                throw new FormatException($"Unknown original field \"{name}\".");
            }
        }

        return sha256 is not null && OriginalStore.IsSha256(sha256) && place is not null
            ? new OriginalRef(sha256, place)
            : throw new FormatException("The event's original needs a lower-case SHA-256 and a place.");
    }

    private static List<string> ReadStrings(ref Utf8JsonReader r)
    {
        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            list.Add(r.GetString()!);
        }

        return list;
    }

    private static List<Problem> ReadWarnings(ref Utf8JsonReader r)
    {
        var list = new List<Problem>();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            string? code = null, field = null, message = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var name = r.GetString();
                r.Read();
                switch (name)
                {
                    case "code": code = r.GetString(); break;
                    case "field": field = r.GetString(); break;
                    case "message": message = r.GetString(); break;
                    default: throw new FormatException($"Unknown warning field \"{name}\".");
                }
            }

            list.Add(Problem.Warning(code ?? "", field ?? "", message ?? ""));
        }

        return list;
    }

    private static decimal ReadMoney(ref Utf8JsonReader r) =>
        Amounts.TryParseMoney(r.GetString(), out var value) ? value : throw new FormatException("Bad amount in event.");

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteMoney(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Amounts.FormatMoney(v));
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException($"Expected {what} in the event bytes.");
        }
    }
}
