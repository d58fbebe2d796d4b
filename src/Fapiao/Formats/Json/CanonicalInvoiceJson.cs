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

    public static byte[] ToBytes(Invoice invoice)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, invoice);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Base64 of SHA-256 over the canonical bytes.</summary>
    public static string ContentHash(Invoice invoice) => ContentHash(ToBytes(invoice));

    public static string ContentHash(ReadOnlySpan<byte> canonical) => Convert.ToBase64String(SHA256.HashData(canonical));

    public static void Write(Utf8JsonWriter w, Invoice invoice)
    {
        w.WriteStartObject();
        w.WriteString("number", invoice.Key.Number);
        Optional(w, "code", invoice.Key.Code);
        w.WriteString("type", invoice.Type);
        w.WriteString("issueDate", invoice.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
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
        if (line.Quantity is { } q)
        {
            w.WriteString("quantity", Amounts.FormatQuantity(q));
        }

        if (line.UnitPrice is { } p)
        {
            w.WriteString("unitPrice", Amounts.FormatQuantity(p));
        }

        w.WriteString("amount", Amounts.FormatMoney(line.Amount));
        w.WriteString("taxRate", line.TaxRate.Canonical);
        w.WriteString("tax", Amounts.FormatMoney(line.Tax));
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
            w.WriteString(name, Amounts.FormatMoney(v));
        }
    }
}
