using Fapiao.Idempotency;
using Npgsql;

namespace Fapiao.PostgreSql;

internal sealed partial class PostgreSqlLedgerStore
{
    public async ValueTask<IdempotencyClaim> ClaimAsync(string tenant, string key, byte[] requestSha256, DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Inserting first takes the row's lock for a new key; an existing row is then locked and read.
        await using (var insert = new NpgsqlCommand("INSERT INTO idempotency (tenant, key, request_sha256, started_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING;", connection, tx))
        {
            insert.Parameters.Add(PostgreSqlRows.Text(tenant));
            insert.Parameters.Add(PostgreSqlRows.Text(key));
            insert.Parameters.Add(PostgreSqlRows.Bytes(requestSha256));
            insert.Parameters.Add(PostgreSqlRows.Time(now));
            if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
            {
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return new IdempotencyClaim(ClaimOutcome.Claimed);
            }
        }

        IdempotencyClaim? found;
        await using (var read = new NpgsqlCommand("SELECT request_sha256, started_at, status, content_type, body FROM idempotency WHERE tenant = $1 AND key = $2 FOR UPDATE;", connection, tx))
        {
            read.Parameters.Add(PostgreSqlRows.Text(tenant));
            read.Parameters.Add(PostgreSqlRows.Text(key));
            await using var r = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await r.ReadAsync(ct).ConfigureAwait(false))
            {
                // Released between the insert and the read: the retry claims it.
                found = new IdempotencyClaim(ClaimOutcome.InFlight);
            }
            else
            {
                var stale = PostgreSqlRows.ReadTime(r, 1) + staleAfter < now;
                found = !r.GetFieldValue<byte[]>(0).AsSpan().SequenceEqual(requestSha256) ? new IdempotencyClaim(ClaimOutcome.Mismatch)
                    : !r.IsDBNull(2) ? new IdempotencyClaim(ClaimOutcome.Completed, new StoredResponse(r.GetInt32(2), r.GetString(3), r.GetFieldValue<byte[]>(4)))
                    : stale ? null
                    : new IdempotencyClaim(ClaimOutcome.InFlight);
            }
        }

        if (found is null)
        {
            await using var take = new NpgsqlCommand("UPDATE idempotency SET started_at = $3 WHERE tenant = $1 AND key = $2;", connection, tx);
            take.Parameters.Add(PostgreSqlRows.Text(tenant));
            take.Parameters.Add(PostgreSqlRows.Text(key));
            take.Parameters.Add(PostgreSqlRows.Time(now));
            await take.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            found = new IdempotencyClaim(ClaimOutcome.Claimed);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return found;
    }

    public async ValueTask CompleteAsync(string tenant, string key, StoredResponse response, CancellationToken ct)
    {
        await using var cmd = Command("UPDATE idempotency SET status = $3, content_type = $4, body = $5 WHERE tenant = $1 AND key = $2;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.Text(key));
        cmd.Parameters.Add(PostgreSqlRows.Int(response.Status));
        cmd.Parameters.Add(PostgreSqlRows.Text(response.ContentType));
        cmd.Parameters.Add(PostgreSqlRows.Bytes(response.Body));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask ReleaseAsync(string tenant, string key, CancellationToken ct)
    {
        await using var cmd = Command("DELETE FROM idempotency WHERE tenant = $1 AND key = $2 AND status IS NULL;");
        cmd.Parameters.Add(PostgreSqlRows.Text(tenant));
        cmd.Parameters.Add(PostgreSqlRows.Text(key));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
