using Fapiao.Idempotency;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite;

internal sealed partial class SqliteLedgerStore
{
    public async ValueTask<IdempotencyClaim> ClaimAsync(string tenant, string key, byte[] requestSha256, DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        // BEGIN IMMEDIATE: the read and the claim that follows it are one step for every process.
        await using var tx = connection.BeginTransaction(deferred: false);
        await using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT request_sha256, started_at, status, content_type, body FROM idempotency WHERE tenant = $t AND key = $k;";
        read.Parameters.AddWithValue("$t", tenant);
        read.Parameters.AddWithValue("$k", key);
        IdempotencyClaim? found = null;
        await using (var r = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var stale = Times.Parse(r.GetString(1)) + staleAfter < now;
                found = !((byte[])r[0]).AsSpan().SequenceEqual(requestSha256) ? new IdempotencyClaim(ClaimOutcome.Mismatch)
                    : !r.IsDBNull(2) ? new IdempotencyClaim(ClaimOutcome.Completed, new StoredResponse(r.GetInt32(2), r.GetString(3), (byte[])r[4]))
                    : stale ? null
                    : new IdempotencyClaim(ClaimOutcome.InFlight);
            }
        }

        if (found is not null)
        {
            return found;
        }

        await using var claim = connection.CreateCommand();
        claim.Transaction = tx;
        claim.CommandText = """
            INSERT INTO idempotency (tenant, key, request_sha256, started_at) VALUES ($t, $k, $h, $at)
            ON CONFLICT (tenant, key) DO UPDATE SET started_at = excluded.started_at;
            """;
        claim.Parameters.AddWithValue("$t", tenant);
        claim.Parameters.AddWithValue("$k", key);
        claim.Parameters.AddWithValue("$h", requestSha256);
        claim.Parameters.AddWithValue("$at", Times.Format(now));
        await claim.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new IdempotencyClaim(ClaimOutcome.Claimed);
    }

    public async ValueTask CompleteAsync(string tenant, string key, StoredResponse response, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE idempotency SET status = $s, content_type = $ct, body = $b WHERE tenant = $t AND key = $k;";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$s", response.Status);
        cmd.Parameters.AddWithValue("$ct", response.ContentType);
        cmd.Parameters.AddWithValue("$b", response.Body);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask ReleaseAsync(string tenant, string key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM idempotency WHERE tenant = $t AND key = $k AND status IS NULL;";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$k", key);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
