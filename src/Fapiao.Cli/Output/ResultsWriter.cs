using System.Buffers;
using System.Text.Json;
using Fapiao.Formats.Json;
using Fapiao.Ingest;

namespace Fapiao.Cli.Output;

/// <summary>
/// Writes <c>--results</c>: one JSON object per input item, in input order, each written only after
/// its outcome is durable. A chunk's lines are made in memory and written and flushed in one go, so
/// a killed process leaves whole chunks of true lines (at most the last one cut short).
/// </summary>
internal sealed class ResultsWriter : IAsyncDisposable
{
    private readonly FileStream stream;
    private readonly ArrayBufferWriter<byte> buffer = new(1 << 16);
    private readonly Utf8JsonWriter writer;

    public ResultsWriter(string path)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        writer = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions);
    }

    public async ValueTask WriteAsync(IReadOnlyList<IngestResult> results, CancellationToken ct)
    {
        buffer.ResetWrittenCount();
        foreach (var result in results)
        {
            writer.Reset(buffer);
            LedgerJson.WriteIngestResult(writer, result);
            writer.Flush();
            buffer.Write("\n"u8);
        }

        await stream.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
