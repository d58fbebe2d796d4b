using System.Text;

namespace Fapiao.Reconciliation;

/// <summary>
/// Records kept whole in a temporary file (<see cref="RecordCodec"/>), deleted when closed: read
/// again one by one at their offsets, or all in the order written.
/// </summary>
internal sealed class RecordFile(string? tempDirectory) : IDisposable
{
    private FileStream? stream;
    private BinaryWriter? writer;
    private BinaryReader? reader;
    private bool unflushed;

    public long Count { get; private set; }

    /// <summary>Appends a record; gives its offset.</summary>
    public long Append(ReconRecord record)
    {
        if (writer is null)
        {
            var path = TempFiles.PathIn(tempDirectory, "records");
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        }

        // The file stream's position counts what it holds in its buffer: no flush (a write to the OS) per record.
        var offset = stream!.Position;
        RecordCodec.Write(writer, record);
        unflushed = true;
        Count++;
        return offset;
    }

    public ReconRecord ReadAt(long offset)
    {
        Flush();
        stream!.Position = offset;
        return RecordCodec.Read(reader!);
    }

    /// <summary>Every record in the order written (nothing may be appended meanwhile).</summary>
    public IEnumerable<ReconRecord> ReadAll()
    {
        if (writer is null)
        {
            yield break;
        }

        Flush();
        var length = stream!.Length;
        stream.Position = 0;
        while (stream.Position < length)
        {
            yield return RecordCodec.Read(reader!);
        }
    }

    private void Flush()
    {
        if (unflushed)
        {
            writer!.Flush();
            unflushed = false;
        }
    }

    public void Dispose()
    {
        reader?.Dispose();
        writer?.Dispose();
        stream?.Dispose();
    }
}
