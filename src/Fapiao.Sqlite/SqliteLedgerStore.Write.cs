using Fapiao.Storage;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite;

internal sealed partial class SqliteLedgerStore
{
    public async ValueTask<ILedgerWriteTransaction> BeginWriteAsync(string tenant, CancellationToken ct)
    {
        await writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            writeConnection ??= await OpenWriterAsync(ct).ConfigureAwait(false);
            // IMMEDIATE takes the write lock now, so the head read below cannot go stale before commit.
            await ExecuteAsync(writeConnection, null, "BEGIN IMMEDIATE;", ct).ConfigureAwait(false);
            try
            {
                var head = await ReadHeadAsync(writeConnection, tenant, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The tenant \"{tenant}\" does not exist. Create it with: fapiao init --tenant {tenant}");
                var keys = await KeysAsync(writeConnection, tenant, head, ct).ConfigureAwait(false);
                return new SqliteWriteTransaction(this, writeConnection, tenant, head, keys);
            }
            catch
            {
                await RollbackAsync(writeConnection).ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            writeGate.Release();
            throw;
        }
    }

    internal void EndWrite() => writeGate.Release();

    /// <summary>
    /// The tenant's key filters for a write transaction at <paramref name="head"/>, or null where
    /// the exact lookups are cheaper. Called under the write lock. Filters made for another head
    /// (another process wrote since) are dropped. Making them reads every projection row of the
    /// tenant, so that is done only once this store has looked up a quarter as many keys as the
    /// log has events (at once for an empty log): a small ingest into a large ledger never pays it.
    /// </summary>
    private async Task<TenantKeys?> KeysAsync(SqliteConnection connection, string tenant, LogHead head, CancellationToken ct)
    {
        var outgrown = false;
        if (keyFilters.Remove(tenant, out var known))
        {
            if (known.Size == head.Size && !known.IsFull)
            {
                known.LastUsed = ++keyFilterUses;
                keyFilters[tenant] = known;
                return known;
            }

            // Outgrown filters are made again at once, bigger; stale ones only when worth it again.
            outgrown = known.Size == head.Size;
            keysLookedUp[tenant] = 0;
        }

        if (!outgrown && keysLookedUp.GetValueOrDefault(tenant) < head.Size / 4)
        {
            return null;
        }

        TenantKeys keys;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*), count(red_letter_of) FROM invoices WHERE tenant = $t;";
            count.Parameters.AddWithValue("$t", tenant);
            await using var counted = await count.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await counted.ReadAsync(ct).ConfigureAwait(false);
            keys = new TenantKeys(counted.GetInt64(0), counted.GetInt64(1), head.Size);
        }

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT key, red_letter_of FROM invoices WHERE tenant = $t;";
        cmd.Parameters.AddWithValue("$t", tenant);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        keysLookedUp[tenant] = 0;
        keys.LastUsed = ++keyFilterUses;
        keyFilters[tenant] = keys;
        EvictKeyFilters();
        return keys;
    }

    /// <summary>
    /// Drops the least recently used tenants' filters while all of them take more than the budget
    /// (the one just made stays). A dropped tenant's writes look keys up exactly, as before it had
    /// filters, and make them again once that is worth it again (see <see cref="KeysAsync"/>).
    /// </summary>
    private void EvictKeyFilters()
    {
        var total = keyFilters.Values.Sum(k => k.Bytes);
        while (total > keyFilterBudget && keyFilters.Count > 1)
        {
            var (tenant, oldest) = keyFilters.MinBy(pair => pair.Value.LastUsed);
            keyFilters.Remove(tenant);
            keysLookedUp[tenant] = 0;
            total -= oldest.Bytes;
        }
    }

    /// <summary>The tenants whose key filters the writer holds, and the memory they take (for tests and diagnostics).</summary>
    internal (IReadOnlyCollection<string> Tenants, long Bytes) KeyFilterUse
    {
        get
        {
            writeGate.Wait();
            try
            {
                return ([.. keyFilters.Keys], keyFilters.Values.Sum(k => k.Bytes));
            }
            finally
            {
                writeGate.Release();
            }
        }
    }

    /// <summary>Keys a write transaction looked up in SQLite without a filter: see <see cref="KeysAsync"/>.</summary>
    internal void LookedUp(string tenant, int keys) => keysLookedUp[tenant] = keysLookedUp.GetValueOrDefault(tenant) + keys;

    /// <summary>The writer's connection, with the WAL copied back into the database file by <see cref="SqliteCheckpointer"/> beside it.</summary>
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, null, $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.WriterAutoCheckpointPages};", ct).ConfigureAwait(false);
        checkpointer = new SqliteCheckpointer(OpenAsync);
        return connection;
    }

    /// <summary>A write transaction committed: its frames can go into the database file.</summary>
    internal void Committed() => checkpointer?.Signal();

    public async ValueTask<long> ReplaceProjectionAsync(string tenant, IAsyncEnumerable<InvoiceRecord> records, CancellationToken ct)
    {
        await writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            keyFilters.Remove(tenant);
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "BEGIN IMMEDIATE;", ct).ConfigureAwait(false);
            try
            {
                await using (var delete = connection.CreateCommand())
                {
                    delete.CommandText = "DELETE FROM invoices WHERE tenant = $t;";
                    delete.Parameters.AddWithValue("$t", tenant);
                    await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using var insert = connection.CreateCommand();
                insert.CommandText = SqliteRows.UpsertInvoice;
                insert.Parameters.AddWithValue("$t", tenant);
                var parameters = SqliteRows.InvoiceParameters(insert);
                long count = 0;
                await foreach (var record in records.WithCancellation(ct).ConfigureAwait(false))
                {
                    SqliteRows.BindInvoice(parameters, record);
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    count++;
                }

                await ExecuteAsync(connection, null, "COMMIT;", ct).ConfigureAwait(false);
                return count;
            }
            catch
            {
                await RollbackAsync(connection).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    internal static async Task<LogHead?> ReadHeadAsync(SqliteConnection connection, string tenant, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT size, frontier, next_quarantine_id FROM log_head WHERE tenant = $t;";
        cmd.Parameters.AddWithValue("$t", tenant);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        return new LogHead(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt64(2));
    }
}
