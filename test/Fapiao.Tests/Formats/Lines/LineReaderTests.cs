using System.Security.Cryptography;
using System.Text;
using Fapiao.Formats.Lines;

namespace Fapiao.Tests.Formats.Lines;

public sealed class LineReaderTests
{
    private static List<RawLine> Read(string text, int max = 1024) =>
        LineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), max).ToList();

    [Fact]
    public void Read_LfCrlfBlankLinesAndBom_GivesNumberedNonBlankLines()
    {
        var lines = Read("\uFEFFa\r\n\n  \nb\nc");

        lines.Select(l => (l.Number, Encoding.UTF8.GetString(l.Bytes))).ShouldBe([(1L, "a"), (4L, "b"), (5L, "c")]);
    }

    [Fact]
    public void Read_LineLongerThanTheLimit_KeepsItsPrefixLengthAndHash()
    {
        var longLine = new string('x', 5000);

        var lines = Read($"short\n{longLine}\nafter", max: 100);

        lines.Count.ShouldBe(3);
        var tooLong = lines[1];
        tooLong.TooLong.ShouldBeTrue();
        tooLong.Bytes.Length.ShouldBe(100);
        tooLong.Length.ShouldBe(5000);
        tooLong.Sha256.ShouldBe(SHA256.HashData(Encoding.ASCII.GetBytes(longLine)));
        Encoding.UTF8.GetString(lines[2].Bytes).ShouldBe("after");
    }

    [Fact]
    public void Read_FiftyMegabyteLine_NeverHoldsMoreThanTheLimit()
    {
        var stream = new RepeatingStream((byte)'a', 50L << 20);

        var line = LineReader.Read(stream).Single();

        line.Length.ShouldBe(50L << 20);
        line.Bytes.Length.ShouldBe(LineReader.DefaultMaxLineBytes);
    }

    /// <summary>A stream of one byte repeated, generated on the fly so the test itself stays small.</summary>
    private sealed class RepeatingStream(byte value, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill(value);
            position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
