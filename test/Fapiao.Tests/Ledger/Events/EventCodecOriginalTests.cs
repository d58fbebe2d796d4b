using System.Text;
using Fapiao.Ledger.Events;
using Fapiao.Originals;

namespace Fapiao.Tests.Ledger.Events;

public sealed class EventCodecOriginalTests
{
    private const string Sha = "757c576d18e5f2278b42a7a6c99c4e5ec2b4196e1f7ed129db4f614acfccdfdc";

    private static LedgerEvent Resolved(OriginalRef? original) => new()
    {
        Kind = EventKinds.QuarantineResolved,
        Tenant = "acme",
        Key = "24112000000048542163",
        At = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
        Actor = "test",
        Source = "fixed.jsonl:1",
        Original = original,
        Quarantine = 7,
    };

    [Fact]
    public void Encode_EventWithItsOriginal_RoundTripsAndTheOriginalIsInTheHashedBytes()
    {
        var bytes = EventCodec.Encode(Resolved(new OriginalRef(Sha, "line:1")));

        Encoding.UTF8.GetString(bytes).ShouldContain($"\"original\":{{\"sha256\":\"{Sha}\",\"place\":\"line:1\"}}");
        var decoded = EventCodec.Decode(bytes, validator: null);
        decoded.Original.ShouldBe(new OriginalRef(Sha, "line:1"));
        decoded.Quarantine.ShouldBe(7);
        EventCodec.Encode(decoded).ShouldBe(bytes);
    }

    [Fact]
    public void Encode_EventWithoutAnOriginal_WritesNoOriginalField()
    {
        var bytes = EventCodec.Encode(Resolved(null));

        Encoding.UTF8.GetString(bytes).ShouldNotContain("original");
        EventCodec.Decode(bytes, validator: null).Original.ShouldBeNull();
    }

    [Theory]
    [InlineData("{\"sha256\":\"" + Sha + "\",\"place\":\"line:1\",\"extra\":1}")]
    [InlineData("{\"sha256\":\"not-a-hash\",\"place\":\"line:1\"}")]
    [InlineData("{\"sha256\":\"" + Sha + "\"}")]
    [InlineData("\"" + Sha + "\"")]
    public void Decode_MalformedOriginal_IsRefused(string original)
    {
        var text = Encoding.UTF8.GetString(EventCodec.Encode(Resolved(null)))
            .Replace("\"source\":\"fixed.jsonl:1\"", "\"source\":\"fixed.jsonl:1\",\"original\":" + original, StringComparison.Ordinal);

        Should.Throw<FormatException>(() => EventCodec.Decode(Encoding.UTF8.GetBytes(text), validator: null));
    }

    [Fact]
    public void Provenance_ReadsSourceAndOriginal_SkippingEveryOtherField_AsDecodeDoes()
    {
        var bytes = EventCodec.Encode(Resolved(new OriginalRef(Sha, "entry:Doc_0/Attachs/original_invoice.xml")));

        var (source, original) = EventCodec.Provenance(bytes);

        source.ShouldBe("fixed.jsonl:1");
        original.ShouldBe(EventCodec.Decode(bytes, validator: null).Original);
        EventCodec.Provenance(EventCodec.Encode(Resolved(null))).Original.ShouldBeNull();
        Should.Throw<FormatException>(() => EventCodec.Provenance("{\"kind\":\"recorded\"}"u8.ToArray()));
        Should.Throw<FormatException>(() => EventCodec.Provenance("{\"source\":"u8.ToArray()));
    }
}
