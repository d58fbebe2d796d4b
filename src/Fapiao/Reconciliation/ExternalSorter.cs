namespace Fapiao.Reconciliation;

/// <summary>
/// Sorts records by key (ordinal; rows of one key keep their input order) with bounded memory: at
/// most <see cref="RunSize"/> records are held; each full run is sorted and written to a temporary
/// file, and the runs are merged k ways. An input that fits in one run never touches the disk.
/// Dispose deletes the temporary files.
/// </summary>
internal sealed class ExternalSorter(int runSize = ExternalSorter.DefaultRunSize, string? tempDirectory = null) : IDisposable
{
    /// <summary>About 60 MB of records at a time.</summary>
    public const int DefaultRunSize = 200_000;

    private readonly TempFiles files = new(tempDirectory, "run");

    public int RunSize { get; } = runSize >= 1 ? runSize : throw new ArgumentOutOfRangeException(nameof(runSize));

    /// <summary>How many runs went to temporary files (0 when the input fit in memory).</summary>
    public int SpilledRuns => files.Count;

    public IEnumerable<ReconRecord> Sort(IEnumerable<ReconRecord> input)
    {
        var run = new List<(ReconRecord Record, long Sequence)>(Math.Min(RunSize, 1 << 16));
        long sequence = 0;
        var runs = new List<string>();
        foreach (var record in input)
        {
            run.Add((record, sequence++));
            if (run.Count == RunSize)
            {
                runs.Add(Spill(run));
                run.Clear();
            }
        }

        run.Sort(Compare);
        if (runs.Count == 0)
        {
            return run.Select(x => x.Record);
        }

        if (run.Count > 0)
        {
            runs.Add(Spill(run));
            run.Clear();
        }

        return Merge(runs);
    }

    private static int Compare((ReconRecord Record, long Sequence) a, (ReconRecord Record, long Sequence) b)
    {
        var byKey = string.CompareOrdinal(a.Record.Key, b.Record.Key);
        return byKey != 0 ? byKey : a.Sequence.CompareTo(b.Sequence);
    }

    private string Spill(List<(ReconRecord Record, long Sequence)> run)
    {
        run.Sort(Compare);
        var path = files.New();
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream);
        foreach (var (record, _) in run)
        {
            RecordCodec.Write(writer, record);
        }

        return path;
    }

    /// <summary>The k-way merge: a queue ordered by (key, run number) keeps rows of one key in input order, as runs are in input order.</summary>
    private static IEnumerable<ReconRecord> Merge(List<string> runs)
    {
        var readers = new List<BinaryReader>(runs.Count);
        try
        {
            var queue = new PriorityQueue<(ReconRecord Record, int Run), (string Key, int Run)>(
                Comparer<(string Key, int Run)>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key) is var c && c != 0 ? c : a.Run.CompareTo(b.Run)));
            for (var i = 0; i < runs.Count; i++)
            {
                var reader = new BinaryReader(new FileStream(runs[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
                readers.Add(reader);
                if (Next(reader) is { } first)
                {
                    queue.Enqueue((first, i), (first.Key, i));
                }
            }

            while (queue.TryDequeue(out var top, out _))
            {
                yield return top.Record;
                if (Next(readers[top.Run]) is { } next)
                {
                    queue.Enqueue((next, top.Run), (next.Key, top.Run));
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static ReconRecord? Next(BinaryReader reader) =>
        reader.BaseStream.Position < reader.BaseStream.Length ? RecordCodec.Read(reader) : null;

    public void Dispose() => files.Dispose();
}
