using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fapiao.Domain;

namespace Fapiao.Formats.Json;

/// <summary>
/// The one canonical serialisation of an invoice: fixed field order, no whitespace, absent and
/// empty fields left out, money with exactly two decimals, quantities and rates without trailing
/// zeros. Its SHA-256 is the content hash, so key order, whitespace or "1000" vs "1000.00" in the
/// input never change it.
/// </summary>
internal static class CanonicalInvoiceJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static byte[] ToBytes(Invoice invoice) => JsonBytes.Write(invoice, Write);

    /// <summary>Base64 of SHA-256 over the canonical bytes.</summary>
    public static string ContentHash(Invoice invoice) => ContentHash(ToBytes(invoice));

    public static string ContentHash(ReadOnlySpan<byte> canonical) => Convert.ToBase64String(SHA256.HashData(canonical));

    public static void Write(Utf8JsonWriter w, Invoice invoice)
    {
        w.WriteStartObject();
        w.WriteString("number", invoice.Key.Number);
        Optional(w, "code", invoice.Key.Code);
        w.WriteString("type", invoice.Type);
        Span<char> date = stackalloc char[10];
        invoice.IssueDate.TryFormat(date, out var dateLength, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString("issueDate", date[..dateLength]);
        WriteParty(w, "seller", invoice.Seller);
        WriteParty(w, "buyer", invoice.Buyer);
        if (invoice.Lines is { Count: > 0 } lines)
        {
            w.WriteStartArray("lines");
            foreach (var line in lines)
            {
                WriteLine(w, line);
            }

            w.WriteEndArray();
        }

        OptionalMoney(w, "amount", invoice.Amount);
        OptionalMoney(w, "tax", invoice.Tax);
        OptionalMoney(w, "total", invoice.Total);
        Optional(w, "checkCode", invoice.CheckCode);
        Optional(w, "remarks", invoice.Remarks);
        Optional(w, "redLetterOf", invoice.RedLetterOf?.ToString());
        w.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter w, InvoiceLine line)
    {
        w.WriteStartObject();
        Optional(w, "name", line.Name);
        Optional(w, "spec", line.Spec);
        Optional(w, "unit", line.Unit);
        Span<char> text = stackalloc char[Amounts.MaxFormattedLength];
        if (line.Quantity is { } q)
        {
            w.WriteString("quantity", text[..Amounts.FormatQuantity(q, text)]);
        }

        if (line.UnitPrice is { } p)
        {
            w.WriteString("unitPrice", text[..Amounts.FormatQuantity(p, text)]);
        }

        w.WriteString("amount", text[..Amounts.FormatMoney(line.Amount, text)]);
        w.WriteString("taxRate", line.TaxRate.Canonical);
        w.WriteString("tax", text[..Amounts.FormatMoney(line.Tax, text)]);
        w.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter w, string name, Party? party)
    {
        if (party is null || party.IsEmpty)
        {
            return;
        }

        w.WriteStartObject(name);
        Optional(w, "taxId", party.TaxId);
        Optional(w, "name", party.Name);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }

    private static void OptionalMoney(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            Span<char> text = stackalloc char[Amounts.MaxFormattedLength];
            w.WriteString(name, text[..Amounts.FormatMoney(v, text)]);
        }
    }
}
