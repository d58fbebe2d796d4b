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
}
