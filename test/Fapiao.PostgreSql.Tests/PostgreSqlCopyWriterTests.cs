using Fapiao.PostgreSql.Tests.Support;
using Npgsql;
using NpgsqlTypes;

namespace Fapiao.PostgreSql.Tests;

/// <summary>
/// The hand-written binary COPY against Npgsql's own encodings: each value goes into one column
/// through <see cref="PostgreSqlCopyWriter"/> and into the next through an Npgsql parameter, and the
/// server must hold the same value with the same text (so the same display scale for numerics).
/// </summary>
public sealed class PostgreSqlCopyWriterTests
{
    public static TheoryData<string> Amounts => new()
    {
        "0", "0.004", "0.005", "0.01", "-0.01", "1", "12.3", "1000.00", "10000", "99999999.99", "-123456789012.345",
        "0.10", "100000000", "7922816251426433759354395.03", "-1.995", "10000.0001",
    };

    [SkippableTheory]
    [MemberData(nameof(Amounts))]
    public async Task Money_IsStoredAsNpgsqlStoresTheRoundedAmount(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var (written, expected) = await RoundTripAsync("numeric", c => c.Money(value), PostgreSqlRows.Money(value), NpgsqlDbType.Numeric);

        written.ShouldBe(expected);
    }

    [SkippableFact]
    public async Task NullMoney_IsStoredAsNull()
    {
        var (written, _) = await RoundTripAsync("numeric", c => c.Money(null), 0m, NpgsqlDbType.Numeric);

        written.ShouldBeNull();
    }

    [SkippableTheory]
    [InlineData("2026-11-28T10:00:00.1234567+08:00")]
    [InlineData("1999-12-31T23:59:59.999+00:00")]
    [InlineData("2000-01-01T00:00:00+00:00")]
    public async Task Time_IsStoredAsNpgsqlStoresItToTheMillisecond(string at)
    {
        var value = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        var (written, expected) = await RoundTripAsync("timestamptz", c => c.Time(value), PostgreSqlRows.ToStored(value), NpgsqlDbType.TimestampTz);

        written.ShouldBe(expected);
    }

    [SkippableTheory]
    [InlineData("2026-11-28")]
    [InlineData("1999-12-31")]
    [InlineData("2000-01-01")]
    public async Task Date_IsStoredAsNpgsqlStoresIt(string date)
    {
        var value = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var (written, expected) = await RoundTripAsync("date", c => c.Date(value), value, NpgsqlDbType.Date);

        written.ShouldBe(expected);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("acme")]
    [InlineData("发票 — 增值税专用发票 🧾")]
    public async Task Text_IsStoredAsNpgsqlStoresIt(string text)
    {
        var (written, expected) = await RoundTripAsync("text", c => c.Text(text), text, NpgsqlDbType.Text);

        written.ShouldBe(expected);
    }

    [SkippableFact]
    public async Task IntegersAndBytes_AreStoredAsNpgsqlStoresThem()
    {
        (await RoundTripAsync("bigint", c => c.Long(-5_000_000_000), -5_000_000_000L, NpgsqlDbType.Bigint)).Written.ShouldBe("-5000000000");
        (await RoundTripAsync("integer", c => c.Int(-7), -7, NpgsqlDbType.Integer)).Written.ShouldBe("-7");
        byte[] bytes = [0, 1, 0xFE, 0xFF];
        var (written, expected) = await RoundTripAsync("bytea", c => c.Bytes(bytes), bytes, NpgsqlDbType.Bytea);
        written.ShouldBe(expected);
    }

    [SkippableFact]
    public Task ManyRows_CrossingTheFlushSize_AllArrive() =>
        WithTableAsync("t (i bigint, s text)", async (schema, connection) =>
        {
            await using (var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY t (i, s) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
            {
                for (var i = 0; i < 20_000; i++)
                {
                    await copy.StartRowAsync(2, CancellationToken.None);
                    copy.Long(i);
                    copy.Text(new string('x', i % 50));
                }

                await copy.CompleteAsync(CancellationToken.None);
            }

            (await TestServer.ScalarAsync(schema, "SELECT count(*) || ' ' || sum(i) || ' ' || sum(length(s)) FROM t;")).ShouldBe("20000 199990000 490000");
        });

    [SkippableFact]
    public Task Disposed_BeforeComplete_WritesNothing() =>
        WithTableAsync("t (i bigint)", async (schema, connection) =>
        {
            await using (var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY t (i) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
            {
                await copy.StartRowAsync(1, CancellationToken.None);
                copy.Long(1);
            }

            (await TestServer.ScalarAsync(schema, "SELECT count(*) FROM t;")).ShouldBe(0L);
        });

    [SkippableFact]
    public Task ConnectionLost_DuringCopy_TheConnectionErrorComesOutNotTheAbandonedCopy() =>
        WithTableAsync("t (i bigint, s text)", async (schema, connection) =>
        {
            var backend = connection.ProcessID;
            var thrown = await Should.ThrowAsync<Exception>(async () =>
            {
                await using var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY t (i, s) FROM STDIN (FORMAT BINARY)", CancellationToken.None);
                await TestServer.ExecuteAsync(schema, $"SELECT pg_terminate_backend({backend});");
                for (var i = 0; i < 200_000; i++)
                {
                    await copy.StartRowAsync(2, CancellationToken.None);
                    copy.Long(i);
                    copy.Text(new string('x', 40));
                }

                await copy.CompleteAsync(CancellationToken.None);
            });

            // What the caller sees must say the connection broke (the store maps it; a failover test relies on it),
            // not that the COPY it was abandoning had already ended.
            thrown.ShouldNotBeOfType<ObjectDisposedException>();
            (thrown is NpgsqlException || thrown.InnerException is NpgsqlException || thrown is IOException).ShouldBeTrue(thrown.ToString());
        });

    /// <summary>Runs <paramref name="body"/> on an open connection to a fresh schema holding one table, dropped afterwards.</summary>
    private static async Task WithTableAsync(string table, Func<string, NpgsqlConnection, Task> body)
    {
        var schema = await TestServer.CreateSchemaAsync();
        try
        {
            await TestServer.ExecuteAsync(schema, $"CREATE TABLE {table};");
            await using var connection = new NpgsqlConnection(TestServer.ConnectionString(schema));
            await connection.OpenAsync();
            await body(schema, connection);
        }
        finally
        {
            await TestServer.DropSchemaAsync(schema);
        }
    }

    /// <summary>The column's text as the server prints it, written by the COPY writer and by an Npgsql parameter.</summary>
    private static async Task<(string? Written, string? Expected)> RoundTripAsync<T>(string type, Action<PostgreSqlCopyWriter> write, T value, NpgsqlDbType dbType)
    {
        var texts = new List<string?>();
        await WithTableAsync($"t (id integer, v {type})", async (_, connection) =>
        {
            await using (var copy = await PostgreSqlCopyWriter.BeginAsync(connection, "COPY t (id, v) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
            {
                await copy.StartRowAsync(2, CancellationToken.None);
                copy.Int(1);
                write(copy);
                await copy.CompleteAsync(CancellationToken.None);
            }

            await using (var insert = new NpgsqlCommand("INSERT INTO t (id, v) VALUES (2, $1);", connection))
            {
                insert.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = dbType });
                await insert.ExecuteNonQueryAsync();
            }

            await using (var utc = new NpgsqlCommand("SET TIME ZONE 'UTC';", connection))
            {
                await utc.ExecuteNonQueryAsync();
            }

            await using var select = new NpgsqlCommand("SELECT v::text FROM t ORDER BY id;", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                texts.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        });

        return (texts[0], texts[1]);
    }
}
