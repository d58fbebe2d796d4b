using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite;

/// <summary>
/// Copies committed WAL frames into the database file on a connection of its own, so that the
/// writer does not: left to SQLite's auto-checkpoint, every few commits the writer itself would
/// write each page a second time and wait for a second fsync. A PASSIVE checkpoint never blocks
/// the writer or readers; it copies what is committed and not needed by a reader, and syncs the
/// database file before the WAL may be reused (synchronous=FULL), so durability is as before.
/// The writer keeps a larger auto-checkpoint of its own (<see cref="WriterAutoCheckpointPages"/>)
/// as a bound on the WAL should this one fall behind or fail.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>The writer's own auto-checkpoint, in pages: only reached when this checkpointer falls behind.</summary>
    public const int WriterAutoCheckpointPages = 4096;

    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SqliteCheckpointer(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        loop = Task.Run(() => RunAsync(open));
    }

    /// <summary>Asks for a checkpoint after a commit; commits that come while one runs are folded into the next.</summary>
    public void Signal()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another commit asked at the same moment: one checkpoint serves both.
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        try
        {
            await using var connection = await open(stop.Token).ConfigureAwait(false);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            while (true)
            {
                await signal.WaitAsync(stop.Token).ConfigureAwait(false);
                try
                {
                    await cmd.ExecuteNonQueryAsync(stop.Token).ConfigureAwait(false);
                }
                catch (SqliteException)
                {
                    // A checkpoint that cannot run now (the disk is full, the file is locked) loses
                    // nothing: the frames stay in the WAL, and the writer's own auto-checkpoint bounds it.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (SqliteException)
        {
            // Could not open a connection: the writer's auto-checkpoint does the work instead.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
        signal.Dispose();
    }
}
