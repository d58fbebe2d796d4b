using System.Text;
using System.Text.Json.Nodes;
using Fapiao.Formats.Json;
using Fapiao.Domain;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Ofd;

/// <summary>The three real OFD layouts, each read to exactly what its file holds (<see cref="OfdFixtureInvoices"/>).</summary>
public sealed class OfdReaderTests
{
    private static SubmissionReader CreateSut() => new(new InvoiceValidator(FixedClock.Default));

    private static Submission Read(byte[] ofd, string name = "in.ofd") => CreateSut().ReadOfdFile(new MemoryStream(ofd), name);

    private static Invoice Accepted(Submission submission)
    {
        submission.Problems.Where(p => p.IsError).ShouldBeEmpty(string.Join("; ", submission.Problems));
        return submission.Invoice.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(OfdFixtureInvoices.Fixtures), MemberType = typeof(OfdFixtureInvoices))]
    public void ReadOfdFile_RealFile_GivesExactlyTheInvoiceItHolds(string fixture)
    {
        var expected = OfdFixtureInvoices.Of(fixture);

        var submission = Read(OfdFixtures.Bytes(fixture), "file.ofd");

        submission.Source.ShouldBe($"file.ofd:{expected.Part}");
        var invoice = Accepted(submission);
        invoice.Key.ToString().ShouldBe(expected.Key);
        var json = JsonNode.Parse(CanonicalInvoiceJson.ToBytes(invoice));
        JsonNode.DeepEquals(json, JsonNode.Parse(expected.Json)).ShouldBeTrue($"read: {json!.ToJsonString()}");
    }

    [Fact]
    public void ReadOfdFile_RealFiles_KeepTheirExactNumbers()
    {
        // Spot checks on the values JSON writes as text: exact decimals, the rate kept as a known rate.
        var shudian = Accepted(Read(OfdFixtures.Bytes(OfdFixtures.Shudian)));
        shudian.Lines!.Single().UnitPrice.ShouldBe(4197.16981132075m);
        shudian.Lines!.Single().TaxRate.ShouldBe(TaxRate.Parse("6%"));
        var xbrl = Accepted(Read(OfdFixtures.Bytes(OfdFixtures.Xbrl)));
        xbrl.Lines!.Single().TaxRate.ShouldBe(TaxRate.Parse("13.00%"));
        xbrl.Buyer.ShouldBe(new Party("913202133140424571", "江苏中电创新环境科技有限公司"));
    }

    [Fact]
    public void ReadOfdFile_LegacyWithoutItsAttachment_ReadsTheSameInvoiceFromItsCustomTags()
    {
        var fromAttachment = Accepted(Read(OfdFixtures.Bytes(OfdFixtures.Legacy)));
        var tagsOnly = OfdFixtures.Rewrite(OfdFixtures.Legacy, (name, data) => name.Contains("/Attachs/", StringComparison.Ordinal) ? null : data);

        var submission = Read(tagsOnly);

        submission.Source.ShouldBe("in.ofd:Doc_0/Tags/CustomTag.xml");
        var fromTags = Accepted(submission);
        fromTags.ShouldBeEquivalentTo(fromAttachment);
    }

    [Fact]
    public void ReadOfdFile_Raw_IsTheFileBytes()
    {
        var bytes = OfdFixtures.Bytes(OfdFixtures.Shudian);

        var submission = Read(bytes);

        submission.Raw.ShouldBe(bytes);
        submission.RawLength.ShouldBe(bytes.LongLength);
    }

    [Fact]
    public void ReadOfdFile_TagPointingAtAMissingTextObject_IsOfdMissingField()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == "Doc_0/Tags/CustomTag.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace(">6926<", ">99999<", StringComparison.Ordinal))
            : data);

        var submission = Read(ofd);

        submission.Invoice.ShouldBeNull();
        submission.Problems.ShouldContain(p => p.Code == ErrorCodes.OfdMissingField && p.Field == "buyer.taxId");
    }

    [Fact]
    public void ReadOfdFile_TagsWithoutNamespaces_AreMatchedByLocalName()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name == "Doc_0/Tags/CustomTag.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("ofd:", "", StringComparison.Ordinal).Replace(" xmlns=\"http://www.ofdspec.org/2016\"", "", StringComparison.Ordinal).Replace("xmlns:ofd", "xmlns:x", StringComparison.Ordinal))
            : data);

        Accepted(Read(ofd)).Key.ToString().ShouldBe("24112000000048542163");
    }

    [Fact]
    public void ReadOfdFile_ZipWithoutInvoiceData_IsOfdLayoutUnknown()
    {
        var ofd = OfdFixtures.Rewrite(OfdFixtures.Shudian, (name, data) => name.StartsWith("Doc_0/Tags/", StringComparison.Ordinal) ? null : data);

        var submission = Read(ofd);

        submission.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.OfdLayoutUnknown]);
    }

    [Fact]
    public void ReadOfdFile_ZipThatIsNoOfd_IsOfdLayoutUnknown()
    {
        var submission = Read(OfdFixtures.Zip(("readme.txt", "hello"u8.ToArray())));

        submission.Problems.Select(p => p.Code).ShouldBe([ErrorCodes.OfdLayoutUnknown]);
    }
}
