using Fapiao.Storage;
using Npgsql;

namespace Fapiao.PostgreSql;

/// <summary>Turns the server's "this transaction collided, try again" errors into the core's retry signal.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>
    /// Serialization failure, deadlock, and a lock wait cut short by lock_timeout: in each the
    /// server has rolled the transaction back, so running the batch again is safe.
    /// </summary>
    public static bool IsRetryable(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable;

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (PostgresException ex) when (IsRetryable(ex))
        {
            throw new TransientStoreException($"The database rolled the write back ({ex.SqlState}: {ex.MessageText}).", ex);
        }
    }

    public static async Task TranslateAsync(Func<Task> action) =>
        await TranslateAsync(async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
}
