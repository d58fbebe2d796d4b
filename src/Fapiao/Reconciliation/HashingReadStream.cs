using System.Security.Cryptography;

namespace Fapiao.Reconciliation;

/// <summary>Passes a non-seekable stream through while hashing it (SHA-256), so an upload is read once (synchronously or not).</summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        hash.AppendData(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        hash.AppendData(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads what the reader left unread, then gives the hash of the whole stream.</summary>
    public byte[] Finish()
    {
        var rest = new byte[1 << 16];
        while (Read(rest) > 0)
        {
        }

        return hash.GetHashAndReset();
    }

    /// <summary>As <see cref="Finish"/>, reading the rest asynchronously (a request body allows no synchronous read).</summary>
    public async Task<byte[]> FinishAsync(CancellationToken ct)
    {
        var rest = new byte[1 << 16];
        while (await ReadAsync(rest, ct).ConfigureAwait(false) > 0)
        {
        }

        return hash.GetHashAndReset();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
