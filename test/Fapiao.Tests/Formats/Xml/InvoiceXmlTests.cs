using System.Text.Json.Nodes;
using Fapiao.Formats.Json;
using Fapiao.Ingest.Inputs;
using Fapiao.Tests.Formats.Ofd;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Xml;

public sealed class InvoiceXmlTests
{
    [Theory]
    [InlineData(OfdFixtures.Legacy)]
    [InlineData(OfdFixtures.Xbrl)]
    public void ReadXmlFile_AttachmentOfAnOfdOnItsOwn_GivesTheSameInvoice(string fixture)
    {
        var expected = OfdFixtureInvoices.Of(fixture);
        var xml = OfdFixtures.Entries(OfdFixtures.Bytes(fixture)).Single(e => e.Name == expected.Part).Data;

        var submission = new SubmissionReader(new InvoiceValidator(FixedClock.Default)).ReadXmlFile(new MemoryStream(xml), "attachment.xml");

        submission.Source.ShouldBe("attachment.xml");
        var invoice = submission.Invoice.ShouldNotBeNull(string.Join("; ", submission.Problems));
        JsonNode.DeepEquals(JsonNode.Parse(CanonicalInvoiceJson.ToBytes(invoice)), JsonNode.Parse(expected.Json)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("<fp:InvoiceNo>83089647<", "<fp:InvoiceNo>83089648<", "number")]
    [InlineData("<fp:IssueDate>2020年07月23日<", "<fp:IssueDate>2020年07月24日<", "issueDate")]
    [InlineData("<fp:TaxExclusiveTotalAmount>510.68<", "<fp:TaxExclusiveTotalAmount>510.69<", "amount")]
    [InlineData("<fp:InvoiceCheckCode>16197833567414507415<", "<fp:InvoiceCheckCode>16197833567414507416<", "checkCode")]
    public void ReadXmlFile_EdrmFieldDisagreeingWithItsQrContent_IsXmlInconsistent(string find, string replace, string field)
    {
        var part = OfdFixtureInvoices.Of(OfdFixtures.Legacy).Part;
        var xml = System.Text.Encoding.UTF8.GetString(OfdFixtures.Entries(OfdFixtures.Bytes(OfdFixtures.Legacy)).Single(e => e.Name == part).Data);
        xml.ShouldContain(find);

        var submission = new SubmissionReader(new InvoiceValidator(FixedClock.Default))
            .ReadXmlFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml.Replace(find, replace, StringComparison.Ordinal))), "edited.xml");

        submission.Problems.ShouldContain(p => p.Code == ErrorCodes.XmlInconsistent && p.Field == field, string.Join("; ", submission.Problems));
        submission.Invoice.ShouldBeNull();
    }
}
