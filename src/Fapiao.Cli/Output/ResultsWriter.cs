using System.Text.Json;
using Fapiao.Formats.Json;
using Fapiao.Ingest;

namespace Fapiao.Cli.Output;

/// <summary>
/// Writes <c>--results</c>: one JSON object per input item, in input order, each written only after
/// its outcome is durable, and flushed chunk by chunk so a killed process leaves only true lines.
/// </summary>
internal sealed class ResultsWriter : IAsyncDisposable
{
    private readonly FileStream stream;
    private readonly Utf8JsonWriter writer;

    public ResultsWriter(string path)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        writer = new Utf8JsonWriter(stream, CanonicalInvoiceJson.WriterOptions);
    }

    public async ValueTask WriteAsync(IReadOnlyList<IngestResult> results, CancellationToken ct)
    {
        foreach (var result in results)
        {
            LedgerJson.WriteIngestResult(writer, result);
            await writer.FlushAsync(ct).ConfigureAwait(false);
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }

        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
