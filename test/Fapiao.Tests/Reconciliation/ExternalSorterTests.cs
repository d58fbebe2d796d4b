using Fapiao.Reconciliation;
using Fapiao.Tests.Reconciliation.Support;

namespace Fapiao.Tests.Reconciliation;

public class ExternalSorterTests
{
    [Fact]
    public void Sort_TinyRunSize_SpillsRunsAndMergesInKeyThenInputOrder()
    {
        var temp = Directory.CreateTempSubdirectory("fapiao-sort-").FullName;
        try
        {
            var input = new[] { 5, 3, 9, 3, 1, 7, 3, 2, 8, 5 }.Select((k, i) => Records.Of(k, "in") with { Source = $"row{i}" }).ToList();
            using (var sorter = new ExternalSorter(runSize: 2, temp))
            {
                var sorted = sorter.Sort(input).ToList();

                sorter.SpilledRuns.ShouldBe(5);
                Directory.GetFiles(temp).Length.ShouldBe(5);
                sorted.Select(r => r.Key).ShouldBe(input.Select(r => r.Key).Order(StringComparer.Ordinal));
                sorted.Where(r => r.Key == Records.Key(3)).Select(r => r.Source).ShouldBe(["row1", "row3", "row6"]);
                sorted.ShouldBe(input.OrderBy(r => r.Key, StringComparer.Ordinal).ToList());
            }

            Directory.GetFiles(temp).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void Sort_FitsInOneRun_NoTemporaryFile()
    {
        using var sorter = new ExternalSorter(runSize: 100);

        var sorted = sorter.Sort(new[] { Records.Of(2), Records.Of(1) }).Select(r => r.Key).ToList();

        sorted.ShouldBe(new[] { Records.Key(1), Records.Key(2) });
        sorter.SpilledRuns.ShouldBe(0);
    }

    [Fact]
    public void Sort_RecordWithEveryFieldNull_RoundTripsThroughARun()
    {
        var bare = new ReconRecord("x", "s", null, null, null, null, null, null, null);
        var full = Records.Of(1) with { Amount = -12.345m };
        using var sorter = new ExternalSorter(runSize: 1);

        sorter.Sort([full, bare]).ShouldBe([full, bare]);
    }
}
