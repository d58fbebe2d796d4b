using System.Data;
using Fapiao.Storage;
using Npgsql;

namespace Fapiao.PostgreSql;

internal sealed partial class PostgreSqlLedgerStore
{
    /// <summary>
    /// Opens a READ COMMITTED transaction and locks the tenant's log head row. A writer that finds
    /// the row locked waits; when it gets the lock, PostgreSQL hands it the row as the previous
    /// writer committed it, so every writer continues from the true tip and the log cannot fork.
    /// Each later statement of the transaction sees everything committed before the lock was taken.
    /// </summary>
    public async ValueTask<ILedgerWriteTransaction> BeginWriteAsync(string tenant, CancellationToken ct)
    {
        var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        NpgsqlTransaction? tx = null;
        try
        {
            tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
            var head = await PostgreSqlErrors.TranslateAsync(() => ReadHeadAsync(connection, tenant, forUpdate: true, ct)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The tenant \"{tenant}\" does not exist. Create it with: fapiao init --tenant {tenant}");
            return new PostgreSqlWriteTransaction(connection, tx, tenant, head);
        }
        catch
        {
            if (tx is not null)
            {
                await tx.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Deletes the tenant's projection and copies the new rows in (binary COPY), in one
    /// transaction holding the log head's row lock, so no ingest interleaves and readers see the old
    /// projection until the new one is committed.
    /// </summary>
    public async ValueTask<long> ReplaceProjectionAsync(string tenant, IAsyncEnumerable<InvoiceRecord> records, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        _ = await ReadHeadAsync(connection, tenant, forUpdate: true, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The tenant \"{tenant}\" does not exist.");
        await using (var delete = new NpgsqlCommand("DELETE FROM invoices WHERE tenant = $1;", connection, tx))
        {
            delete.Parameters.Add(PostgreSqlRows.Text(tenant));
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        long count = 0;
        await using (var copy = await PostgreSqlCopyWriter.BeginAsync(connection, $"COPY invoices (tenant, {PostgreSqlRows.InvoiceColumns}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            await foreach (var record in records.WithCancellation(ct).ConfigureAwait(false))
            {
                await PostgreSqlRows.WriteInvoiceAsync(copy, tenant, record, ct).ConfigureAwait(false);
                count++;
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return count;
    }
}
