using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Fapiao.Formats.Ofd;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Ofd;

/// <summary>Hostile and broken OFD files, generated here: each refused with its own code, in bounded time and memory.</summary>
public sealed class HostileOfdTests
{
    private static List<Problem> Read(byte[] ofd)
    {
        var problems = new List<Problem>();
        var clock = Stopwatch.StartNew();
        OfdReader.Read(ofd, problems).ShouldBeNull();
        clock.Elapsed.ShouldBeLessThan(HangGuard.Limit);
        return problems;
    }

    /// <summary>An OFD whose OFD.xml is <paramref name="size"/> bytes of spaces after a valid start: it compresses about 1000:1.</summary>
    private static byte[] Bomb(long size)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(OfdDocument.EntryPart, CompressionLevel.SmallestSize).Open();
            stream.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">"u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < size; written += spaces.Length)
            {
                stream.Write(spaces);
            }
        }

        return memory.ToArray();
    }

    [Fact]
    public void Read_PartDecompressingPastItsLimit_IsZipBomb()
    {
        var bomb = Bomb(OfdPackage.MaxPartBytes + (1 << 20));
        bomb.Length.ShouldBeLessThan(1 << 20);

        Read(bomb).Select(p => p.Code).ShouldBe([ErrorCodes.ZipBomb]);
    }

    [Fact]
    public void Read_PartCompressedAThousandTimes_IsZipBombByRatio()
    {
        // 3 MiB: under the size limit of a part, far over the ratio real XML reaches.
        Read(Bomb(3 << 20)).Single().ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe(ErrorCodes.ZipBomb),
            p => p.Message.ShouldContain("times its compressed size"));
    }

    [Fact]
    public void Read_SizesInTheHeadersUnderstated_NeverInflatesPastThem()
    {
        var bomb = Bomb(OfdPackage.MaxPartBytes + (1 << 20));
        // Claim 100 bytes uncompressed in both the local header and the central directory.
        Patch(bomb, 0x04034B50, 22, 100);
        Patch(bomb, 0x02014B50, 24, 100);

        // The decompressor stops at the claimed size: what comes out is the start of a document, not a bomb.
        Read(bomb).Select(p => p.Code).ShouldBe([ErrorCodes.XmlSyntax]);
    }

    [Fact]
    public void Read_PartsTogetherPastTheTotalLimit_IsZipBomb()
    {
        // Five parts of 15 MiB, each under the part limit and compressing well under the ratio limit.
        var block = new byte[4096];
        var random = new Random(7);
        var part = new byte[15 << 20];
        for (var i = 0; i < part.Length; i += block.Length)
        {
            random.NextBytes(block.AsSpan(0, 40));
            block.CopyTo(part, i);
        }

        var names = Enumerable.Range(0, 5).Select(i => $"Doc_0/Pages/Page_{i}/Content.xml").ToList();
        var zip = OfdFixtures.Zip([.. names.Select(n => (n, part))]);
        var problems = new List<Problem>();
        using var package = OfdPackage.Open(zip, problems).ShouldNotBeNull();

        var read = names.Select(n => package.Read(n, problems)).ToList();

        read.Take(4).ShouldAllBe(bytes => bytes != null);
        read[4].ShouldBeNull();
        problems.Single().Code.ShouldBe(ErrorCodes.ZipBomb);
        package.Failed.ShouldBeTrue();
    }

    [Fact]
    public void Read_TooManyEntries_IsRefusedBeforeAnyIsRead()
    {
        var zip = OfdFixtures.Zip([.. Enumerable.Range(0, OfdPackage.MaxEntries + 1).Select(i => ($"Doc_0/Res/{i}.xml", Array.Empty<byte>()))]);

        Read(zip).Select(p => p.Code).ShouldBe([ErrorCodes.ZipTooManyEntries]);
    }

    [Theory]
    [InlineData("../../etc/cron.d/evil")]
    [InlineData("Doc_0/../../evil.xml")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("Doc_0\\..\\..\\evil.xml")]
    public void Read_ZipSlipEntryName_IsZipPath(string name)
    {
        var zip = OfdFixtures.Zip((OfdDocument.EntryPart, "<OFD/>"u8.ToArray()), (name, "x"u8.ToArray()));

        Read(zip).Select(p => p.Code).ShouldBe([ErrorCodes.ZipPath]);
    }

    [Theory]
    [InlineData(OfdFixtures.Legacy)]
    [InlineData(OfdFixtures.Shudian)]
    [InlineData(OfdFixtures.Xbrl)]
    public void Read_TruncatedFixture_IsZipCorrupt(string fixture)
    {
        var bytes = OfdFixtures.Bytes(fixture);

        foreach (var length in new[] { 4, 30, bytes.Length / 2, bytes.Length - 10 })
        {
            Read(bytes[..length]).Select(p => p.Code).ShouldBe([ErrorCodes.ZipCorrupt], $"cut at {length}");
        }
    }

    [Fact]
    public void Read_CorruptedCompressedData_IsZipCorrupt()
    {
        var zip = OfdFixtures.Zip((OfdDocument.EntryPart, Encoding.UTF8.GetBytes("<OFD>" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"<x>{i}</x>")) + "</OFD>")));
        // The data starts after the 30-byte local header and the name; flip a run of it.
        for (var i = 30 + OfdDocument.EntryPart.Length + 20; i < 30 + OfdDocument.EntryPart.Length + 60; i++)
        {
            zip[i] ^= 0x5A;
        }

        Read(zip).Select(p => p.Code).ShouldBe([ErrorCodes.ZipCorrupt]);
    }

    [Fact]
    public void Read_UnknownCompressionMethod_IsZipCorrupt()
    {
        var zip = OfdFixtures.Zip((OfdDocument.EntryPart, "<OFD/>"u8.ToArray()));
        Patch(zip, 0x04034B50, 8, 99, width: 2);
        Patch(zip, 0x02014B50, 10, 99, width: 2);

        Read(zip).Select(p => p.Code).ShouldBe([ErrorCodes.ZipCorrupt]);
    }

    [Fact]
    public void Read_DtdInAPart_IsXmlDtd()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == "Doc_0/Tags/CustomTag.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("<ofd:root", "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ofd:root", StringComparison.Ordinal))
            : data);

        Read(ofd).Select(p => p.Code).ShouldBe([ErrorCodes.XmlDtd]);
    }

    [Fact]
    public void Read_DeeplyNestedPage_IsXmlDepth()
    {
        var deep = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<ofd:Page>", 10_000)));
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == "Doc_0/Pages/Page_0/Content.xml" ? deep : data);

        Read(ofd).Select(p => p.Code).ShouldBe([ErrorCodes.XmlDepth]);
    }

    [Fact]
    public void Read_DocRootClimbingOutOfThePackage_IsOfdLayoutUnknown()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == OfdDocument.EntryPart
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("<ofd:DocRoot>Doc_0", "<ofd:DocRoot>../../Doc_0", StringComparison.Ordinal))
            : data);

        Read(ofd).Select(p => p.Code).ShouldBe([ErrorCodes.OfdLayoutUnknown]);
    }

    [Fact]
    public void ReadOfdFile_FileOverTheLimit_IsFileTooLargeKeepingItsLengthAndHash()
    {
        var big = new byte[SubmissionReader.MaxInvoiceFileBytes + 5];
        "PK\u0003\u0004"u8.CopyTo(big);
        var reader = new SubmissionReader(new InvoiceValidator(FixedClock.Default));

        var submission = reader.ReadOfdFile(new MemoryStream(big), "big.ofd");

        submission.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.FileTooLarge]);
        submission.RawLength.ShouldBe(big.LongLength);
        submission.Raw.Length.ShouldBe(Fapiao.Ingest.Submission.MaxKeptBytes);
        submission.Sha256().ShouldBe(System.Security.Cryptography.SHA256.HashData(big));
    }

    /// <summary>Overwrites a little-endian field of every record with the given signature (local file header or central directory entry).</summary>
    private static void Patch(byte[] zip, uint signature, int offset, uint value, int width = 4)
    {
        var found = 0;
        for (var i = 0; i + offset + width <= zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != signature)
            {
                continue;
            }

            if (width == 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(i + offset), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + offset), value);
            }

            found++;
        }

        found.ShouldBeGreaterThan(0);
    }
}
