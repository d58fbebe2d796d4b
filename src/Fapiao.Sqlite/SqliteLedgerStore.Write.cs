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
            writeConnection ??= await OpenAsync(ct).ConfigureAwait(false);
            // IMMEDIATE takes the write lock now, so the head read below cannot go stale before commit.
            await ExecuteAsync(writeConnection, null, "BEGIN IMMEDIATE;", ct).ConfigureAwait(false);
            try
            {
                var head = await ReadHeadAsync(writeConnection, tenant, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The tenant \"{tenant}\" does not exist. Create it with: fapiao init --tenant {tenant}");
                return new SqliteWriteTransaction(this, writeConnection, tenant, head);
            }
            catch
            {
                await ExecuteAsync(writeConnection, null, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
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

    public async ValueTask<long> ReplaceProjectionAsync(string tenant, IAsyncEnumerable<InvoiceRecord> records, CancellationToken ct)
    {
        await writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
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
                await ExecuteAsync(connection, null, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
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
