using System.Diagnostics;
using System.Globalization;
using Fapiao.Fuzz;
using Fapiao.Ingest;
using Fapiao.Tests.Support;

namespace Fapiao.Tests.Formats.Fuzz;

/// <summary>
/// A bounded random-mutation pass over one parser target, seeded from its checked-in corpus
/// (<c>fuzz/corpus/TARGET/</c>): every mutant must keep <see cref="FuzzContract"/>, within a time
/// and an allocation bound per input. Runs <see cref="DefaultBudget"/> per target in the suite, and
/// never fewer than <see cref="MinimumMutants"/> mutants however slow the machine;
/// FAPIAO_FUZZ_ITERATIONS runs that many mutants instead (scripts/fuzz.sh), FAPIAO_FUZZ_SEED picks
/// the seed. A breaking input is saved to FAPIAO_FUZZ_OUT (default: the temp folder).
/// </summary>
internal static class FuzzPass
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(2);
    /// <summary>The pass runs at least this many mutants, so a loaded machine cannot make it a no-op.</summary>
    public const int MinimumMutants = 20;


    /// <summary>A mutant of a seed of at most a few hundred kilobytes may not make the reader allocate more than this.</summary>
    private const long MaxAllocatedPerInput = 512L << 20;

    public static void Run(string target, Func<Stream, IEnumerable<Submission>> read)
    {
        var iterations = EnvInt("FAPIAO_FUZZ_ITERATIONS");
        var seed = EnvInt("FAPIAO_FUZZ_SEED") ?? 20261128;
        var seeds = FuzzContract.Corpus(target, AppContext.BaseDirectory);
        var mutator = new Mutator(seed);
        var pass = Stopwatch.StartNew();
        var done = 0;
        var accepted = 0;

        // The seeds themselves first, unmutated: the corpus must stay readable.
        foreach (var input in seeds)
        {
            Check(target, read, input, seed, -1);
        }

        while (iterations is null ? done < MinimumMutants || pass.Elapsed < DefaultBudget : done < iterations)
        {
            var input = mutator.Mutate(seeds[done % seeds.Count], seeds);
            accepted += Check(target, read, input, seed, done);
            done++;
        }

        Console.WriteLine($"fuzz {target}: {done} mutants of seed {seed} in {pass.Elapsed.TotalSeconds:0.0} s, {accepted} accepted invoices");
    }

    private static int Check(string target, Func<Stream, IEnumerable<Submission>> read, byte[] input, int seed, int iteration)
    {
        var one = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        int accepted;
        try
        {
            accepted = FuzzContract.Check(read(new MemoryStream(input)));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"fuzz {target}: mutant {iteration} of seed {seed} broke the contract; input saved to {Save(target, input, seed, iteration)}", ex);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        allocated.ShouldBeLessThan(MaxAllocatedPerInput, $"fuzz {target}: mutant {iteration} of seed {seed} allocated too much; input saved to {Save(target, input, seed, iteration)}");
        one.Elapsed.ShouldBeLessThan(HangGuard.Limit, $"fuzz {target}: mutant {iteration} of seed {seed} hung; input saved to {Save(target, input, seed, iteration)}");
        return accepted;
    }

    private static string Save(string target, byte[] input, int seed, int iteration)
    {
        var folder = Environment.GetEnvironmentVariable("FAPIAO_FUZZ_OUT") is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "fapiao-fuzz");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"crash-{target}-{seed}-{iteration}");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
