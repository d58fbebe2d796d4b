using System.Buffers;
using System.Text.Json;

namespace Fapiao.Formats.Json;

/// <summary>
/// Writes JSON to bytes with one writer and buffer kept per thread, for the per-invoice hot paths
/// (canonical bytes, event bytes): a new writer and a growing buffer for every invoice were a good
/// part of what the garbage collector had to clear. The bytes are the same as with a fresh writer.
/// </summary>
internal static class JsonBytes
{
    /// <summary>A buffer that grew past this (a very long invoice) is not kept for the next one.</summary>
    private const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>Runs <paramref name="write"/> with the thread's writer (options <see cref="CanonicalInvoiceJson.WriterOptions"/>) and returns a copy of what it wrote.</summary>
    public static byte[] Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var b = buffer ??= new ArrayBufferWriter<byte>(1024);
        var w = writer ??= new Utf8JsonWriter(b, CanonicalInvoiceJson.WriterOptions);
        b.ResetWrittenCount();
        w.Reset(b);

        // Taken from the thread while in use, so that a nested call gets a writer of its own.
        buffer = null;
        writer = null;
        write(w, value);
        w.Flush();
        var bytes = b.WrittenSpan.ToArray();
        if (b.Capacity <= MaxKeptCapacity)
        {
            buffer = b;
            writer = w;
        }

        return bytes;
    }
}
