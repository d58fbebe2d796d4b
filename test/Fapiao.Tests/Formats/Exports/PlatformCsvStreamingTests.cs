using System.Globalization;
using System.Text;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Exports;

[Collection(Fapiao.Tests.Support.MemoryMeasurementCollection.Name)]
public sealed class PlatformCsvStreamingTests
{
    private const int Rows = 100_000;

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>A platform export made up as it is read, counting how far the reader has pulled it.</summary>
    private sealed class GeneratedExport(int rows) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes("全量发票查询导出结果\n发票票种,开票日期,数电发票号码,销方识别号,购方识别号,金额,税额,价税合计,发票状态,备注\n");
        private int _offset;
        private int _next;

        public long Produced { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public static string Row(int i) => string.Create(CultureInfo.InvariantCulture,
            $"数电票（普通发票）,2024-05-28 10:08:05,2444{i:D16},914403001922038216,91330100799655058B,100.00,6.00,106.00,正常,\"第{i:D6}张，备注\"\n");

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_next == rows)
                {
                    return 0;
                }

                _pending = Encoding.UTF8.GetBytes(Row(_next++));
                _offset = 0;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            Produced += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Read_100000RowExport_StreamsRowByRowWithBoundedMemory()
    {
        var export = new GeneratedExport(Rows);
        var rowBytes = Encoding.UTF8.GetByteCount(GeneratedExport.Row(0));
        var reader = new SubmissionReader(new InvoiceValidator(new FixedClock()));
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long maxGrowth = 0;
        long count = 0;
        long accepted = 0;

        foreach (var submission in reader.Read(export, "big.csv", InputFormat.Csv))
        {
            count++;
            accepted += submission.Invoice is null ? 0 : 1;
            submission.Source.ShouldBe($"big.csv:{count + 2}");
            if (count % 20_000 == 0)
            {
                // The reader never pulls more than a buffer or two ahead of the row it hands out.
                (export.Produced - (count * rowBytes)).ShouldBeLessThan(256 * 1024);
                maxGrowth = Math.Max(maxGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        (count, accepted).ShouldBe((Rows, Rows));
        export.Produced.ShouldBeGreaterThan(Rows * (long)rowBytes);

        // The whole export is over 15 MB of text; holding its rows would need several times that.
        maxGrowth.ShouldBeLessThan(8L << 20);
    }
}
