using System.Security.Cryptography;
using Fapiao.Formats.Exports;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Reconciliation;

/// <summary>
/// One side made of files: each platform-export CSV is read by <see cref="CsvSide"/> straight from
/// its bytes; any other input (a ledger's JSON Lines or XLSX export, an XLSX platform export, a CSV
/// that cannot seek) by the ingest readers, each record kept whole in a temporary file so the
/// compact row can point at it. Rows are sorted by <see cref="RowSorter"/>; rows whose key does not
/// pack by <see cref="ExternalSorter"/>. Dispose deletes every temporary file.
/// </summary>
internal sealed class FileSide : IReconSink, IDisposable
{
    private readonly IReadOnlyList<ReconInput> inputs;
    private readonly string side;
    private readonly IReadOnlyDictionary<InputFormat, IInputRowReader>? rowReaders;
    private readonly CsvSide?[] csv;
    private readonly List<UnreadableRow>[] unreadable;
    private readonly RowSorter rows;
    private readonly ExternalSorter unpacked;
    private readonly RecordFile unpackedRows;
    private readonly RecordFile records;
    private int current;
    private string sha256 = "";

    public FileSide(IReadOnlyList<ReconInput> inputs, string side, IReadOnlyDictionary<InputFormat, IInputRowReader>? rowReaders, int runSize, string? tempDirectory)
    {
        if (inputs.Count >= ReconRow.MaxFiles)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), "Too many inputs for one side.");
        }

        this.inputs = inputs;
        this.side = side;
        this.rowReaders = rowReaders;
        csv = new CsvSide?[inputs.Count];
        unreadable = [.. inputs.Select(_ => new List<UnreadableRow>())];
        rows = new RowSorter(runSize, tempDirectory);
        unpacked = new ExternalSorter(Math.Min(runSize, ExternalSorter.DefaultRunSize), tempDirectory);
        unpackedRows = new RecordFile(tempDirectory);
        records = new RecordFile(tempDirectory);
    }

    /// <summary>Rows with no key, in the order of the inputs and their rows.</summary>
    public IReadOnlyList<UnreadableRow> Unreadable => [.. unreadable.SelectMany(u => u)];

    public ReconSide Side => new(string.Join(", ", inputs.Select(i => i.Name)), 0, 0, sha256);

    /// <summary>Finds each CSV's header; gives the fields this side's inputs can state.</summary>
    public ReconFields Prepare()
    {
        var fields = ReconFields.None;
        for (var i = 0; i < inputs.Count; i++)
        {
            var content = inputs[i].Content;
            if (content.CanSeek && Detect(content) == InputFormat.Csv)
            {
                csv[i] = new CsvSide(content, inputs[i].Name, side, i);
                csv[i]!.Prepare(unreadable[i].Add);
                fields |= csv[i]!.Fields;
            }
            else
            {
                fields = ReconFields.All;
            }
        }

        return fields;
    }

    /// <summary>
    /// Reads every input and sorts the rows; <paramref name="compared"/>: the fields both sides can
    /// state, the only ones fingerprinted.
    /// </summary>
    public void Read(ReconFields compared, DatePeriod? period)
    {
        var hashes = new List<string>();
        for (current = 0; current < inputs.Count; current++)
        {
            var input = inputs[current];
            if (csv[current] is { } file)
            {
                rows.Expect(input.Content.Length / 64);
                hashes.Add(Convert.ToHexStringLower(file.Scan(compared, period, this)));
            }
            else if (input.Content.CanSeek)
            {
                var start = input.Content.Position;
                hashes.Add(Convert.ToHexStringLower(SHA256.HashData(input.Content)));
                input.Content.Position = start;
                Keep(new ReconInputReader(rowReaders).Read(input.Content, input.Name, side, unreadable[current].Add), compared, period);
            }
            else
            {
                using var hashing = new HashingReadStream(input.Content);
                Keep(new ReconInputReader(rowReaders).Read(hashing, input.Name, side, unreadable[current].Add), compared, period);
                hashes.Add(Convert.ToHexStringLower(hashing.Finish()));
            }
        }

        sha256 = string.Join(",", hashes);
        rows.Seal();
    }

    /// <summary>The rows in key order (after <see cref="Read"/>).</summary>
    public IRowCursor Sorted() => rows.Sorted(Materialize);

    /// <summary>The rows whose key does not pack, in key order.</summary>
    public IEnumerable<ReconRecord> UnpackedSorted() => unpacked.Sort(unpackedRows.ReadAll());

    public int SpilledRuns => rows.SpilledRuns;

    void IReconSink.Row(in ReconRow row) => rows.Add(row);

    void IReconSink.Unpacked(ReconRecord record) => unpackedRows.Append(record);

    void IReconSink.Unreadable(UnreadableRow row) => unreadable[current].Add(row);

    private ReconRecord Materialize(ReconRow row)
    {
        if (row.File < inputs.Count && csv[row.File] is { } file)
        {
            return file.Read(row.Offset, row.Line);
        }

        return records.ReadAt(row.Offset);
    }

    /// <summary>
    /// Records read whole elsewhere (the ledger's, from the store): each kept in the records file, its
    /// row pointing at it, so the ledger is read at the same time as the other side, the same way.
    /// </summary>
    public async Task KeepAsync(IAsyncEnumerable<ReconRecord> read, ReconFields compared, DatePeriod? period, CancellationToken ct)
    {
        await foreach (var r in read.WithCancellation(ct).ConfigureAwait(false))
        {
            Keep(r, compared, period);
        }

        rows.Seal();
    }

    /// <summary>Records read whole by the ingest readers: each kept in the records file, its row pointing at it.</summary>
    private void Keep(IEnumerable<ReconRecord> read, ReconFields compared, DatePeriod? period)
    {
        foreach (var r in read)
        {
            Keep(r, compared, period);
        }
    }

    private void Keep(ReconRecord r, ReconFields compared, DatePeriod? period)
    {
        if (!ReconKey.TryPack(r.Key, out var k0, out var k1, out var k2))
        {
            unpackedRows.Append(r);
            return;
        }

        var offset = records.Append(r);
        rows.Add(new ReconRow(k0, k1, k2, FieldPrint.Of(r, compared), inputs.Count, offset, 0, CsvSide.InScope(r.IssueDate, period)));
    }

    private static InputFormat Detect(Stream content)
    {
        var start = content.Position;
        var head = SubmissionReader.ReadHead(content);
        content.Position = start;
        return FormatDetector.Detect(head);
    }

    public void Dispose()
    {
        foreach (var file in csv)
        {
            file?.Dispose();
        }

        records.Dispose();
        unpackedRows.Dispose();
        rows.Dispose();
        unpacked.Dispose();
    }
}
