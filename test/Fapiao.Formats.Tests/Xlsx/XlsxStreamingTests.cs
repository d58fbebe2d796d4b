using System.Globalization;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Xlsx;

namespace Fapiao.Formats.Tests.Xlsx;

[Collection(Support.MemoryMeasurementCollection.Name)]
public sealed class XlsxStreamingTests
{
    private const int Rows = 100_000;

    private static IEnumerable<IReadOnlyList<string?>> Invoices()
    {
        for (var i = 0; i < Rows; i++)
        {
            yield return
            [
                "24440000" + i.ToString("D12", CultureInfo.InvariantCulture), null, "32", "2024-05-28", "914403001922038216", "华为技术有限公司",
                "91330100799655058B", "阿里巴巴（中国）有限公司", "100.00", "6.00", "106.00", null, null, "normal", "第" + i.ToString(CultureInfo.InvariantCulture) + "张",
            ];
        }
    }

    [Fact]
    public void Read_100000RowWorkbook_HoldsNoMoreThanAFewRowsAtOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), "fapiao-xlsx-" + Path.GetRandomFileName());
        try
        {
            using (var file = File.Create(path))
            {
                XlsxTableWriter.Write(file, [.. ExportColumns.LedgerExport.Select(c => c.Name)], Invoices());
            }

            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long maxGrowth = 0;
            long count = 0;
            using var stream = File.OpenRead(path);
            foreach (var row in new XlsxExportReader().Read(stream))
            {
                row.Draft.ShouldNotBeNull();
                if (++count % 25_000 == 0)
                {
                    maxGrowth = Math.Max(maxGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }

            count.ShouldBe(Rows);

            // The sheet's XML is tens of megabytes; its rows as cells and drafts would be far more.
            maxGrowth.ShouldBeLessThan(16L << 20);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
