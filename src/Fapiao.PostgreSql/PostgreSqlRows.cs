using System.Globalization;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Originals;
using Fapiao.Storage;
using Fapiao.Validation;
using Npgsql;
using NpgsqlTypes;

namespace Fapiao.PostgreSql;

/// <summary>
/// Mapping between rows and records, and the typed parameters every statement binds. Times are
/// kept to the millisecond, as the SQLite store keeps them, so a ledger reads back the same from
/// either store. Money is numeric with the two decimals the SQLite store writes as text.
/// </summary>
internal static class PostgreSqlRows
{
    public const string EventColumns = "idx, kind, key, at, bytes, leaf_hash";

    public const string InvoiceColumns = """
        key, state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of,
        content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings
        """;

    public const string SelectInvoice = $"SELECT {InvoiceColumns} FROM invoices";

    public static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter<long> Long(long value) => new() { TypedValue = value };

    public static NpgsqlParameter<int> Int(int value) => new() { TypedValue = value };

    public static NpgsqlParameter<byte[]> Bytes(byte[] value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Bytea };

    public static NpgsqlParameter<DateTime> Time(DateTimeOffset value) => new() { TypedValue = ToStored(value), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter<string[]> TextArray(IEnumerable<string> values) =>
        new() { TypedValue = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    /// <summary>UTC, truncated to the millisecond.</summary>
    public static DateTime ToStored(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static DateTimeOffset ReadTime(NpgsqlDataReader r, int ordinal) =>
        new(DateTime.SpecifyKind(r.GetDateTime(ordinal), DateTimeKind.Utc));

    /// <summary>Money as the SQLite store keeps it: rounded to the fen, two decimals.</summary>
    public static decimal Money(decimal value) => decimal.Parse(Amounts.FormatMoney(value), CultureInfo.InvariantCulture);

    public static StoredEvent ReadEvent(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), ReadTime(r, 3), r.GetFieldValue<byte[]>(4), r.GetFieldValue<byte[]>(5));

    public static InvoiceRecord ReadInvoice(NpgsqlDataReader r)
    {
        if (!InvoiceStates.TryParse(r.GetString(1), out var state))
        {
            throw new FormatException($"Invoice {r.GetString(0)} has the unknown state \"{r.GetString(1)}\".");
        }

        return new InvoiceRecord
        {
            Key = r.GetString(0),
            State = state,
            Type = r.GetString(2),
            IssueDate = r.GetFieldValue<DateOnly>(3),
            SellerTaxId = r.IsDBNull(4) ? null : r.GetString(4),
            BuyerTaxId = r.IsDBNull(5) ? null : r.GetString(5),
            Amount = r.IsDBNull(6) ? null : r.GetDecimal(6),
            Tax = r.IsDBNull(7) ? null : r.GetDecimal(7),
            Total = r.IsDBNull(8) ? null : r.GetDecimal(8),
            RedLetterOf = r.IsDBNull(9) ? null : r.GetString(9),
            ContentHash = r.GetString(10),
            ContentIndex = r.GetInt64(11),
            FirstIndex = r.GetInt64(12),
            LastIndex = r.GetInt64(13),
            ReversedAmount = r.GetDecimal(14),
            ReversedTax = r.GetDecimal(15),
            ReversedTotal = r.GetDecimal(16),
            Warnings = ProblemsJson.Read(r.GetString(17)).Select(w => w with { Severity = Severity.Warning }).ToList(),
        };
    }

    public static QuarantineItem ReadQuarantine(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Outcome = r.GetString(1),
        Source = r.GetString(2),
        At = ReadTime(r, 3),
        Actor = r.GetString(4),
        Key = r.IsDBNull(5) ? null : r.GetString(5),
        Raw = r.GetFieldValue<byte[]>(6),
        RawLength = r.GetInt64(7),
        RawSha256 = r.GetFieldValue<byte[]>(8),
        Problems = ProblemsJson.Read(r.GetString(9)),
        Original = r.IsDBNull(10) ? null : new OriginalRef(r.GetString(10), r.GetString(11)),
        Resolution = ReadResolution(r, 12),
    };

    public const string ResolutionColumns = "quarantine_id, event_idx, key, at";

    /// <summary>A resolution from <see cref="ResolutionColumns"/> at <paramref name="first"/>; null when the (left-joined) row is absent.</summary>
    public static QuarantineResolution? ReadResolution(NpgsqlDataReader r, int first) =>
        r.IsDBNull(first) ? null : new(r.GetInt64(first), r.GetInt64(first + 1), r.GetString(first + 2), ReadTime(r, first + 3));

    /// <summary>Writes one invoice row to a binary COPY, in the column order of <see cref="InvoiceColumns"/> after the tenant.</summary>
    public static async ValueTask WriteInvoiceAsync(PostgreSqlCopyWriter copy, string tenant, InvoiceRecord r, CancellationToken ct)
    {
        await copy.StartRowAsync(19, ct).ConfigureAwait(false);
        copy.Text(tenant);
        copy.Text(r.Key);
        copy.Text(r.State.ToText());
        copy.Text(r.Type);
        copy.Date(r.IssueDate);
        copy.Text(r.SellerTaxId);
        copy.Text(r.BuyerTaxId);
        copy.Money(r.Amount);
        copy.Money(r.Tax);
        copy.Money(r.Total);
        copy.Text(r.RedLetterOf);
        copy.Text(r.ContentHash);
        copy.Long(r.ContentIndex);
        copy.Long(r.FirstIndex);
        copy.Long(r.LastIndex);
        copy.Money(r.ReversedAmount);
        copy.Money(r.ReversedTax);
        copy.Money(r.ReversedTotal);
        copy.Text(ProblemsJson.Write(r.Warnings, includeSeverity: false));
    }
}
