using System.Globalization;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Storage;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite;

/// <summary>Mapping between rows and records. Money is stored as exact decimal text, never as REAL.</summary>
internal static class SqliteRows
{
    public const string EventColumns = "idx, kind, key, at, bytes, leaf_hash";

    private const string InvoiceColumns = """
        key, state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of,
        content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings
        """;

    public const string SelectInvoice = $"SELECT {InvoiceColumns} FROM invoices";

    /// <summary>
    /// One invoice's projection row (ordinals 0–17) beside each of its events (from ordinal
    /// <see cref="HistoryEventOrdinal"/>, <see cref="EventColumns"/>), in log order: show's one statement.
    /// An invoice row without events (a damaged store) comes back once, with nulls for the event.
    /// Parameters: ?1 tenant, ?2 key (for <see cref="SqliteStatementCache"/>).
    /// </summary>
    public static readonly string SelectInvoiceHistory =
        $"SELECT {Prefixed("i", InvoiceColumns)}, {Prefixed("e", EventColumns)} FROM invoices i " +
        "LEFT JOIN events e ON e.tenant = i.tenant AND e.key = i.key WHERE i.tenant = ?1 AND i.key = ?2 ORDER BY e.idx;";

    public const int HistoryEventOrdinal = 18;

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select(c => alias + "." + c));

    public const string UpsertInvoice = """
        INSERT INTO invoices (tenant, key, state, type, issue_date, seller_tax_id, buyer_tax_id, amount, tax, total, red_letter_of,
                              content_hash, content_index, first_index, last_index, reversed_amount, reversed_tax, reversed_total, warnings)
        VALUES ($t, $key, $state, $type, $date, $seller, $buyer, $amount, $tax, $total, $red,
                $hash, $ci, $fi, $li, $ra, $rt, $rto, $warnings)
        ON CONFLICT (tenant, key) DO UPDATE SET
            state = excluded.state, type = excluded.type, issue_date = excluded.issue_date,
            seller_tax_id = excluded.seller_tax_id, buyer_tax_id = excluded.buyer_tax_id,
            amount = excluded.amount, tax = excluded.tax, total = excluded.total, red_letter_of = excluded.red_letter_of,
            content_hash = excluded.content_hash, content_index = excluded.content_index,
            first_index = excluded.first_index, last_index = excluded.last_index,
            reversed_amount = excluded.reversed_amount, reversed_tax = excluded.reversed_tax,
            reversed_total = excluded.reversed_total, warnings = excluded.warnings;
        """;

    private static readonly string[] InvoiceParameterNames =
        ["$key", "$state", "$type", "$date", "$seller", "$buyer", "$amount", "$tax", "$total", "$red", "$hash", "$ci", "$fi", "$li", "$ra", "$rt", "$rto", "$warnings"];

    /// <summary>The same upsert with positional parameters (?1 tenant, then the columns in order), for <see cref="RawStatement"/>.</summary>
    public static readonly string UpsertInvoiceRaw = ToPositional(UpsertInvoice);

    private static string ToPositional(string sql)
    {
        sql = sql.Replace("$t,", "?1,", StringComparison.Ordinal);
        for (var i = 0; i < InvoiceParameterNames.Length; i++)
        {
            sql = sql.Replace(InvoiceParameterNames[i] + ",", $"?{i + 2},", StringComparison.Ordinal)
                     .Replace(InvoiceParameterNames[i] + ")", $"?{i + 2})", StringComparison.Ordinal);
        }

        return sql;
    }

    public static void BindInvoice(RawStatement s, InvoiceRecord r)
    {
        Span<char> text = stackalloc char[Amounts.MaxFormattedLength];
        r.IssueDate.TryFormat(text, out var dateLength, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        s.Text(2, r.Key).Text(3, r.State.ToText()).Text(4, r.Type).Text(5, text[..dateLength])
            .Text(6, r.SellerTaxId).Text(7, r.BuyerTaxId);
        Money(s, 8, r.Amount, text);
        Money(s, 9, r.Tax, text);
        Money(s, 10, r.Total, text);
        s.Text(11, r.RedLetterOf).Text(12, r.ContentHash).Integer(13, r.ContentIndex).Integer(14, r.FirstIndex).Integer(15, r.LastIndex);
        Money(s, 16, r.ReversedAmount, text);
        Money(s, 17, r.ReversedTax, text);
        Money(s, 18, r.ReversedTotal, text);
        s.Text(19, ProblemsJson.Write(r.Warnings, includeSeverity: false));
    }

    private static void Money(RawStatement s, int index, decimal? value, Span<char> text)
    {
        if (value is { } v)
        {
            s.Text(index, text[..Amounts.FormatMoney(v, text)]);
        }
        else
        {
            s.Null(index);
        }
    }




    public static SqliteParameter[] InvoiceParameters(SqliteCommand cmd) =>
        InvoiceParameterNames.Select(name => cmd.Parameters.Add(name, SqliteType.Text)).ToArray();

    public static void BindInvoice(SqliteParameter[] p, InvoiceRecord r)
    {
        p[0].Value = r.Key;
        p[1].Value = r.State.ToText();
        p[2].Value = r.Type;
        p[3].Value = r.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p[4].Value = Nullable(r.SellerTaxId);
        p[5].Value = Nullable(r.BuyerTaxId);
        p[6].Value = Money(r.Amount);
        p[7].Value = Money(r.Tax);
        p[8].Value = Money(r.Total);
        p[9].Value = Nullable(r.RedLetterOf);
        p[10].Value = r.ContentHash;
        p[11].Value = r.ContentIndex;
        p[12].Value = r.FirstIndex;
        p[13].Value = r.LastIndex;
        p[14].Value = Amounts.FormatMoney(r.ReversedAmount);
        p[15].Value = Amounts.FormatMoney(r.ReversedTax);
        p[16].Value = Amounts.FormatMoney(r.ReversedTotal);
        p[17].Value = ProblemsJson.Write(r.Warnings, includeSeverity: false);
    }

    public static InvoiceRecord ReadInvoice(SqliteDataReader r) => ReadInvoice(new ReaderRow(r));

    public static InvoiceRecord ReadInvoice<TRow>(TRow r)
        where TRow : struct, ISqliteRow
    {
        if (!InvoiceStates.TryParse(r.Text(1), out var state))
        {
            throw new FormatException($"Invoice {r.Text(0)} has the unknown state \"{r.Text(1)}\".");
        }

        return new InvoiceRecord
        {
            Key = r.Text(0),
            State = state,
            Type = r.Text(2),
            IssueDate = DateOnly.ParseExact(r.Chars(3, stackalloc char[32]), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            SellerTaxId = r.IsNull(4) ? null : r.Text(4),
            BuyerTaxId = r.IsNull(5) ? null : r.Text(5),
            Amount = ReadMoney(r, 6),
            Tax = ReadMoney(r, 7),
            Total = ReadMoney(r, 8),
            RedLetterOf = r.IsNull(9) ? null : r.Text(9),
            ContentHash = r.Text(10),
            ContentIndex = r.Integer(11),
            FirstIndex = r.Integer(12),
            LastIndex = r.Integer(13),
            ReversedAmount = ReadMoney(r, 14) ?? 0,
            ReversedTax = ReadMoney(r, 15) ?? 0,
            ReversedTotal = ReadMoney(r, 16) ?? 0,
            Warnings = r.Chars(17, stackalloc char[8]) is "[]" ? [] : ReadWarnings(r.Text(17)),
        };
    }

    /// <summary>Most invoices have no warning: "[]" needs no parse.</summary>
    private static IReadOnlyList<Validation.Problem> ReadWarnings(string json) =>
        json == "[]" ? [] : ProblemsJson.Read(json).Select(w => w with { Severity = Validation.Severity.Warning }).ToList();

    public const string ResolutionColumns = "quarantine_id, event_idx, key, at";

    /// <summary>A resolution from <see cref="ResolutionColumns"/> at <paramref name="first"/>; null when the (left-joined) row is absent.</summary>
    public static QuarantineResolution? ReadResolution(SqliteDataReader r, int first) =>
        r.IsDBNull(first) ? null : new(r.GetInt64(first), r.GetInt64(first + 1), r.GetString(first + 2), Times.Parse(r.GetString(first + 3)));

    public static async Task<StoredEvent?> ReadEventAsync(SqliteConnection connection, string tenant, long index, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {EventColumns} FROM events WHERE tenant = $t AND idx = $i;";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$i", index);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadEvent(reader) : null;
    }

    public static StoredEvent ReadEvent(SqliteDataReader r) => ReadEvent(new ReaderRow(r));

    /// <summary>Reads <see cref="EventColumns"/> starting at ordinal <paramref name="first"/>.</summary>
    public static StoredEvent ReadEvent<TRow>(TRow r, int first = 0)
        where TRow : struct, ISqliteRow =>
        new(r.Integer(first), r.Text(first + 1), r.IsNull(first + 2) ? null : r.Text(first + 2), Times.Parse(r.Text(first + 3)),
            r.Blob(first + 4), r.Blob(first + 5));

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static object Money(decimal? value) => value is { } v ? Amounts.FormatMoney(v) : DBNull.Value;

    private static decimal? ReadMoney<TRow>(TRow r, int ordinal)
        where TRow : struct, ISqliteRow
    {
        if (r.IsNull(ordinal))
        {
            return null;
        }

        return Amounts.TryParseMoney(r.Chars(ordinal, stackalloc char[64]), out var value) ? value : throw new FormatException($"Column {ordinal} holds \"{r.Text(ordinal)}\", not an amount.");
    }
}
