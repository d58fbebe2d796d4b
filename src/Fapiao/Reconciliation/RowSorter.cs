using System.Runtime.InteropServices;

namespace Fapiao.Reconciliation;

/// <summary>
/// Sorts a side's <see cref="ReconRow"/>s by key, rows of one key in input order, in bounded memory:
/// at most <see cref="RunSize"/> rows (56 bytes each) are held; when more come, each full run is
/// sorted and written to a temporary file as it is in memory, and the runs are merged k ways (at
/// most <see cref="MaxFanIn"/> at once; more runs are merged in passes). An input that fits in one
/// run never touches the disk. Dispose deletes the temporary files.
/// </summary>
internal sealed class RowSorter(int runSize = RowSorter.DefaultRunSize, string? tempDirectory = null) : IDisposable
{
    /// <summary>About 56 MB of rows a side.</summary>
    public const int DefaultRunSize = 1_000_000;

    public const int MaxFanIn = 64;

    private const int ReadBufferRows = 4096;

    private readonly TempFiles files = new(tempDirectory, "rows");
    private readonly List<string> runs = [];
    private ReconRow[] run = new ReconRow[Math.Min(runSize, 1 << 14)];
    private int count;
    private List<string>? sealedRuns;
    private bool sealedInMemory;

    public int RunSize { get; } = runSize >= 1 ? runSize : throw new ArgumentOutOfRangeException(nameof(runSize));

    /// <summary>How many runs went to temporary files (0 when the input fit in memory).</summary>
    public int SpilledRuns => runs.Count;

    /// <summary>Sizes the first run for an input of about <paramref name="rows"/> rows (so it need not grow by copying).</summary>
    public void Expect(long rows)
    {
        var size = (int)Math.Clamp(rows, Math.Min(16, RunSize), RunSize);
        if (count == 0 && size > run.Length)
        {
            run = new ReconRow[size];
        }
    }

    public void Add(in ReconRow row)
    {
        if (count == run.Length)
        {
            if (run.Length < RunSize)
            {
                Array.Resize(ref run, (int)Math.Min((long)run.Length * 2, RunSize));
            }
            else
            {
                runs.Add(Spill(run.AsSpan(0, count)));
                count = 0;
            }
        }

        run[count++] = row;
    }

    /// <summary>
    /// Sorts what is held (or spills it as the last run and merges runs down to
    /// <see cref="MaxFanIn"/>), on the reading thread, so that the merge can start at once. Once only.
    /// </summary>
    public void Seal()
    {
        if (sealedRuns is not null || sealedInMemory)
        {
            return;
        }

        if (runs.Count == 0)
        {
            Array.Sort(run, 0, count);
            sealedInMemory = true;
            return;
        }

        if (count > 0)
        {
            runs.Add(Spill(run.AsSpan(0, count)));
        }

        run = [];
        count = 0;
        var pending = new List<string>(runs);
        while (pending.Count > MaxFanIn)
        {
            // Too many runs to hold a buffer for each: merge the first ones into one longer run.
            using var merged = new MergeCursor(pending.GetRange(0, MaxFanIn), _ => throw new InvalidOperationException("Rows are not read again while runs merge."));
            var path = files.New();
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var buffer = new ReconRow[ReadBufferRows];
                var n = 0;
                while (merged.MoveNext())
                {
                    buffer[n++] = merged.Current;
                    if (n == buffer.Length)
                    {
                        stream.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, n)));
                        n = 0;
                    }
                }

                stream.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, n)));
            }

            pending.RemoveRange(0, MaxFanIn);
            pending.Add(path);
        }

        sealedRuns = pending;
    }

    /// <summary>The rows in order (sealing first if that was not done).</summary>
    public IRowCursor Sorted(Func<ReconRow, ReconRecord> materialize)
    {
        Seal();
        return sealedRuns is { } paths ? new MergeCursor(paths, materialize) : new ArrayCursor(run, count, materialize);
    }

    private string Spill(Span<ReconRow> rows)
    {
        rows.Sort();
        var path = files.New();
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write(MemoryMarshal.AsBytes(rows));
        return path;
    }

    public void Dispose() => files.Dispose();

    private sealed class ArrayCursor(ReconRow[] rows, int count, Func<ReconRow, ReconRecord> materialize) : IRowCursor
    {
        private int index = -1;

        public ReconRow Current => rows[index];

        public ValueTask<bool> MoveNextAsync() => new(++index < count);

        public ReconRecord Materialize(in ReconRow row) => materialize(row);

        public void Dispose()
        {
        }
    }

    /// <summary>The k-way merge of sorted run files, each read through a small buffer.</summary>
    private sealed class MergeCursor : IRowCursor
    {
        private readonly List<RunReader> readers;
        private readonly PriorityQueue<int, ReconRow> queue = new();
        private readonly Func<ReconRow, ReconRecord> materialize;

        public MergeCursor(List<string> paths, Func<ReconRow, ReconRecord> materialize)
        {
            this.materialize = materialize;
            var rows = Math.Max(16, ReadBufferRows * MaxFanIn / Math.Max(paths.Count, MaxFanIn));
            readers = [.. paths.Select(p => new RunReader(p, rows))];
            for (var i = 0; i < readers.Count; i++)
            {
                if (readers[i].Next(out var first))
                {
                    queue.Enqueue(i, first);
                }
            }
        }

        public ReconRow Current { get; private set; }

        public bool MoveNext()
        {
            if (!queue.TryDequeue(out var i, out var row))
            {
                return false;
            }

            Current = row;
            if (readers[i].Next(out var next))
            {
                queue.Enqueue(i, next);
            }

            return true;
        }

        public ValueTask<bool> MoveNextAsync() => new(MoveNext());

        public ReconRecord Materialize(in ReconRow row) => materialize(row);

        public void Dispose()
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private sealed class RunReader(string path, int bufferRows) : IDisposable
    {
        private readonly FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        private readonly ReconRow[] buffer = new ReconRow[bufferRows];
        private int index;
        private int count;

        public bool Next(out ReconRow row)
        {
            if (index == count)
            {
                var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
                var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                count = read / System.Runtime.CompilerServices.Unsafe.SizeOf<ReconRow>();
                index = 0;
                if (count == 0)
                {
                    row = default;
                    return false;
                }
            }

            row = buffer[index++];
            return true;
        }

        public void Dispose() => stream.Dispose();
    }
}
