using Fapiao.Reconciliation;

namespace Fapiao.Tests.Reconciliation;

public class RowSorterTests
{
    private static ReconRow Row(int key, int input) =>
        ReconKey.TryPack($"K{key:D5}", out var k0, out var k1, out var k2)
            ? new ReconRow(k0, k1, k2, ((ulong)key, 7UL), input % 3, input, input + 1, inScope: input % 2 == 0)
            : throw new InvalidOperationException();

    private static async Task<List<ReconRow>> Drain(IRowCursor cursor)
    {
        var rows = new List<ReconRow>();
        while (await cursor.MoveNextAsync())
        {
            rows.Add(cursor.Current);
        }

        return rows;
    }

    [Theory]
    [InlineData(2, 10, 5)]
    [InlineData(1, 200, 200)]
    [InlineData(7, 1000, 143)]
    [InlineData(5000, 1000, 0)]
    public async Task Sorted_AnyBudget_KeyThenInputOrderAndEveryRowWhole(int runSize, int rows, int spilled)
    {
        var temp = Directory.CreateTempSubdirectory("fapiao-rows-").FullName;
        try
        {
            var random = new Random(runSize);
            var input = Enumerable.Range(0, rows).Select(i => Row(random.Next(rows / 3 + 1), i)).ToList();
            using (var sorter = new RowSorter(runSize, temp))
            {
                foreach (var row in input)
                {
                    sorter.Add(row);
                }

                using var cursor = sorter.Sorted(_ => throw new InvalidOperationException());
                var sorted = await Drain(cursor);

                sorter.SpilledRuns.ShouldBe(spilled);
                sorted.ShouldBe(input.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.File).ThenBy(r => r.Offset).ToList());
                sorted.Select(r => (r.File, r.Line, r.InScope, r.F0, r.F1)).ShouldBe(sorted.Select(r => ((int)(r.Offset % 3), r.Offset + 1, r.Offset % 2 == 0, ulong.Parse(r.Key[1..], System.Globalization.CultureInfo.InvariantCulture), 7UL)));
            }

            Directory.GetFiles(temp).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void ReconRow_PlaceAtItsLimits_KeptExactly()
    {
        var row = new ReconRow(1, 2, 3, (4, 5), ReconRow.MaxFiles - 1, ReconRow.MaxOffset, long.MaxValue, inScope: true);

        (row.File, row.Offset, row.Line, row.InScope).ShouldBe((ReconRow.MaxFiles - 1, ReconRow.MaxOffset, long.MaxValue, true));
        Should.Throw<ArgumentOutOfRangeException>(() => new ReconRow(1, 2, 3, (4, 5), ReconRow.MaxFiles, 0, 0, true));
        Should.Throw<ArgumentOutOfRangeException>(() => new ReconRow(1, 2, 3, (4, 5), 0, ReconRow.MaxOffset + 1, 0, true));
    }
}
