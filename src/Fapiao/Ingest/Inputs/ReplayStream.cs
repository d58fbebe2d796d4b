namespace Fapiao.Ingest.Inputs;

/// <summary>A read-only stream that first gives back bytes already read, then the rest of the source.</summary>
internal sealed class ReplayStream(byte[] head, Stream rest) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position < head.Length)
        {
            var n = Math.Min(count, head.Length - position);
            Array.Copy(head, position, buffer, offset, n);
            position += n;
            return n;
        }

        return rest.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
