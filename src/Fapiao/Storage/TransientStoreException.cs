namespace Fapiao.Storage;

/// <summary>
/// The database rolled a write transaction back because it collided with another (PostgreSQL:
/// serialization failure or deadlock). Nothing of it was written, so the writer runs the whole
/// batch again from the head it then finds.
/// </summary>
internal sealed class TransientStoreException : Exception
{
    public TransientStoreException()
    {
    }

    public TransientStoreException(string message)
        : base(message)
    {
    }

    public TransientStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
