using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Formats.Ofd;
using Fapiao.Tests.Formats.Xml;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Fuzz;

/// <summary>
/// A bounded random-mutation pass over the XML and OFD readers, seeded from the fixtures: no
/// mutant may throw, hang, or be rejected without a reason. The test runs a few seconds;
/// <c>scripts/fuzz.sh</c> runs a long pass (FAPIAO_FUZZ_ITERATIONS, FAPIAO_FUZZ_SEED). A crashing
/// input is written to FAPIAO_FUZZ_OUT (default: the temp folder) to become a regression test.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan MaxPerInput = TimeSpan.FromSeconds(5);

    [Fact]
    public void Readers_MutatedFixtures_NeverThrowHangOrRejectSilently()
    {
        var iterations = EnvInt("FAPIAO_FUZZ_ITERATIONS");
        var seed = EnvInt("FAPIAO_FUZZ_SEED") ?? 20261128;
        var budget = iterations is null ? DefaultBudget : TimeSpan.MaxValue;
        var seeds = Seeds();
        var mutator = new Mutator(seed);
        var reader = new SubmissionReader(new InvoiceValidator(FixedClock.Default));
        var pass = Stopwatch.StartNew();
        var done = 0;
        var accepted = 0;

        while ((iterations is null || done < iterations) && pass.Elapsed < budget)
        {
            var parent = seeds[done % seeds.Count];
            var input = mutator.Mutate(parent, seeds);
            var ofd = input.Length > 1 && input[0] == (byte)'P' && input[1] == (byte)'K';
            var one = Stopwatch.StartNew();
            Submission submission;
            try
            {
                submission = ofd ? reader.ReadOfdFile(new MemoryStream(input), "fuzz") : reader.ReadXmlFile(new MemoryStream(input), "fuzz");
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Mutant {done} of seed {seed} threw; input saved to {Save(input, seed, done, ofd)}", ex);
            }

            one.Elapsed.ShouldBeLessThan(MaxPerInput, $"mutant {done} of seed {seed} took too long; input saved to {Save(input, seed, done, ofd)}");
            if (submission.Invoice is null && !submission.Problems.Exists(p => p.IsError))
            {
                throw new InvalidOperationException($"Mutant {done} of seed {seed} was rejected without an error; input saved to {Save(input, seed, done, ofd)}");
            }

            accepted += submission.Invoice is null ? 0 : 1;
            done++;
        }

        done.ShouldBeGreaterThan(50, "the pass must actually run");
        Console.WriteLine($"fuzz: {done} mutants of seed {seed} in {pass.Elapsed.TotalSeconds:0.0} s, {accepted} still valid invoices");
    }

    /// <summary>The three real OFD files, the 数电 XML sample, and every XML part of the OFD files on its own.</summary>
    private static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]> { Encoding.UTF8.GetBytes(ShudianXmlSample.Text) };
        foreach (var fixture in OfdFixtures.All)
        {
            var bytes = OfdFixtures.Bytes(fixture);
            seeds.Add(bytes);
            seeds.AddRange(OfdFixtures.Entries(bytes).Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal)).Select(e => e.Data));
        }

        return seeds;
    }

    private static string Save(byte[] input, int seed, int iteration, bool ofd)
    {
        var folder = Environment.GetEnvironmentVariable("FAPIAO_FUZZ_OUT") is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "fapiao-fuzz");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"crash-{seed}-{iteration}.{(ofd ? "ofd" : "xml")}");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
