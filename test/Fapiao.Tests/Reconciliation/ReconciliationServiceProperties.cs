using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

/// <summary>
/// Two platform-export CSV files through the reconciliation engine (compact rows, spilled runs with a
/// tiny budget) give exactly what the general path gives (every row read into a record by the ingest
/// readers, sorted as records): the same JSON, byte for byte. And the classic properties on files.
/// </summary>
public class ReconciliationServiceProperties
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, 100_000).ToArbitrary();
    private static readonly Arbitrary<int> RunSizes = Gen.Elements(1, 3, 50, RowSorter.DefaultRunSize).ToArbitrary();

    private static ReconciliationResult Engine(byte[] left, byte[] right, int runSize, DatePeriod? period = null)
    {
        var service = new ReconciliationService(null, TimeProvider.System, runSize: runSize);
        return service.CompareFilesAsync([new ReconInput("l.csv", new MemoryStream(left))], [new ReconInput("r.csv", new MemoryStream(right))], period, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    /// <summary>The general path alone, as reconciliation read files before the compact rows.</summary>
    private static ReconciliationResult General(byte[] left, byte[] right, DatePeriod? period = null)
    {
        var unreadable = new List<UnreadableRow>();
        var l = new ReconInputReader().Read(new MemoryStream(left), "l.csv", "left", unreadable.Add).ToList();
        var r = new ReconInputReader().Read(new MemoryStream(right), "r.csv", "right", unreadable.Add).ToList();
        using var leftSorter = new ExternalSorter(1000);
        using var rightSorter = new ExternalSorter(1000);
        return new Reconciler(period).Run(leftSorter.Sort(l), rightSorter.Sort(r),
            new ReconSide("l.csv", 0, 0, Convert.ToHexStringLower(SHA256.HashData(left))),
            new ReconSide("r.csv", 0, 0, Convert.ToHexStringLower(SHA256.HashData(right))),
            [.. unreadable.Where(u => u.Side == "left"), .. unreadable.Where(u => u.Side == "right")]);
    }

    private static string Json(ReconciliationResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            ReconciliationJson.Write(writer, result);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Two sides from one pool of rows, plain and messy: some only on one side, some changed, some twice.</summary>
    private static (byte[] Left, byte[] Right) Sides(int seed, bool messy)
    {
        var random = new Random(seed);
        var n = random.Next(0, 120);
        var pool = Enumerable.Range(1, n).Select(i => messy ? PlatformCsv.Messy(i % 40, random) : PlatformCsv.Plain(i).Line()).ToList();
        var left = new List<string>();
        var right = new List<string>();
        foreach (var line in pool)
        {
            switch (random.Next(12))
            {
                case 0: left.Add(line); break;
                case 1: right.Add(line); break;
                case 2: left.Add(line); right.Add(line.Replace("正常", "作废", StringComparison.Ordinal).Replace(".00,", ".10,", StringComparison.Ordinal)); break;
                case 3: left.Add(line); left.Add(line); right.Add(line); break;
                default: left.Add(line); right.Add(line); break;
            }
        }

        Shuffle(left, random);
        Shuffle(right, random);
        return (PlatformCsv.Bytes(PlatformCsv.File(left)), PlatformCsv.Bytes(PlatformCsv.File(right)));
    }

    private static void Shuffle(List<string> lines, Random random)
    {
        for (var i = lines.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (lines[i], lines[j]) = (lines[j], lines[i]);
        }
    }

    [Property(MaxTest = 60)]
    public Property CompareFiles_AnyRowsAnyBudget_SameResultAsTheGeneralPath() =>
        Prop.ForAll(Seeds, RunSizes, (seed, runSize) =>
        {
            var (left, right) = Sides(seed, messy: seed % 2 == 0);
            var period = seed % 3 == 0 ? new DatePeriod(new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 20)) : null;

            Json(Engine(left, right, runSize, period)).ShouldBe(Json(General(left, right, period)));
        });

    [Property(MaxTest = 30)]
    public Property CompareFiles_FileWithItself_FindsNothing() =>
        Prop.ForAll(Seeds, RunSizes, (seed, runSize) =>
        {
            var random = new Random(seed);
            var lines = Enumerable.Range(1, random.Next(0, 300)).Select(i => PlatformCsv.Plain(i).Line()).ToList();
            var file = PlatformCsv.Bytes(PlatformCsv.File(lines));
            Shuffle(lines, random);

            var result = Engine(file, PlatformCsv.Bytes(PlatformCsv.File(lines)), runSize);

            return result.Agrees && result.Matched == lines.Count && result.Suggestions.Count == 0;
        });

    [Property(MaxTest = 30)]
    public Property CompareFiles_RemoveAndChangeK_FindsExactlyThose() =>
        Prop.ForAll(Seeds, RunSizes, (seed, runSize) =>
        {
            var random = new Random(seed);
            var rows = Enumerable.Range(1, random.Next(1, 300)).Select(PlatformCsv.Plain).ToList();
            var removed = rows.Where(_ => random.Next(10) == 0).Select(r => r.Key).ToHashSet();
            var changed = rows.Where(r => !removed.Contains(r.Key) && random.Next(10) == 0).Select(r => r.Key).ToHashSet();
            var other = rows.Where(r => !removed.Contains(r.Key))
                .Select(r => changed.Contains(r.Key) ? r with { Total = r.Total.Replace(".00", ".01", StringComparison.Ordinal) } : r)
                .Select(r => r.Line())
                .ToList();
            Shuffle(other, random);

            var result = Engine(PlatformCsv.Bytes(PlatformCsv.File(rows.Select(r => r.Line()))), PlatformCsv.Bytes(PlatformCsv.File(other)), runSize);

            return result.MissingInOther.Select(r => r.Key).ToHashSet().SetEquals(removed)
                && result.Mismatched.Select(m => m.Key).ToHashSet().SetEquals(changed)
                && result.Mismatched.All(m => m.Fields.Count == 1 && m.Fields[0].Field == "total")
                && result.MissingInLedger.Count == 0 && result.Duplicates.Count == 0
                && result.Matched == rows.Count - removed.Count - changed.Count;
        });

    [Property(MaxTest = 30)]
    public Property CompareFiles_AnyFiles_CountsAddUpAndEveryKeyInOneClass() =>
        Prop.ForAll(Seeds, RunSizes, (seed, runSize) =>
        {
            var (left, right) = Sides(seed, messy: true);

            var result = Engine(left, right, runSize);

            var keys = result.MissingInLedger.Select(r => r.Key)
                .Concat(result.MissingInOther.Select(r => r.Key))
                .Concat(result.Mismatched.Select(m => m.Key))
                .Concat(result.Duplicates.Select(d => d.Key))
                .ToList();
            return result.Matched + result.Mismatched.Count + result.MissingInOther.Count + result.Duplicates.Sum(d => d.Left.Count) == result.Left.Count
                && result.Matched + result.Mismatched.Count + result.MissingInLedger.Count + result.Duplicates.Sum(d => d.Right.Count) == result.Right.Count
                && keys.Count == keys.Distinct().Count();
        });

    [Fact]
    public void CompareFiles_OneSideWithoutAColumn_ThatFieldNeverCompared()
    {
        var rows = Enumerable.Range(1, 50).Select(PlatformCsv.Plain).ToList();
        var left = PlatformCsv.Bytes(PlatformCsv.File(rows.Select(r => r.Line())));
        // The right export has no 发票状态 column: its rows state no state, so none is compared.
        var right = PlatformCsv.Bytes(PlatformCsv.Header[..PlatformCsv.Header.LastIndexOf(',')] + "\n"
            + string.Join("\n", rows.Select(r => r.Line()[..r.Line().LastIndexOf(',')])) + "\n");

        var result = Engine(left, right, 7);

        result.Agrees.ShouldBeTrue();
        result.Matched.ShouldBe(50);
        Json(result).ShouldBe(Json(General(left, right)));
    }
}
