using System.Diagnostics;
using System.Text;
using Fapiao.Formats.Xml;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Xml;

/// <summary>Hostile XML, each refused with its own code, quickly, without anything being fetched or expanded.</summary>
public sealed class SafeXmlTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <EInvoice>&lol9;</EInvoice>
        """;

    public static TheoryData<string, byte[], string> Hostile => new()
    {
        { "billion laughs", Encoding.UTF8.GetBytes(BillionLaughs), ErrorCodes.XmlDtd },
        { "an external entity (XXE)", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><EInvoice>&x;</EInvoice>"), ErrorCodes.XmlDtd },
        { "an external DTD", Encoding.UTF8.GetBytes("<!DOCTYPE EInvoice SYSTEM \"http://127.0.0.1:9/evil.dtd\"><EInvoice/>"), ErrorCodes.XmlDtd },
        { "a parameter entity", Encoding.UTF8.GetBytes("<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><a/>"), ErrorCodes.XmlDtd },
        { "an undeclared entity", Encoding.UTF8.GetBytes("<a>&x;</a>"), ErrorCodes.XmlSyntax },
        { "100,000 levels of nesting", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000))), ErrorCodes.XmlDepth },
        { "300,000 elements", Encoding.UTF8.GetBytes("<a>" + string.Concat(Enumerable.Repeat("<b/>", 300_000)) + "</a>"), ErrorCodes.XmlTooLarge },
        { "17 million characters", Encoding.UTF8.GetBytes("<a>" + new string('x', 17 << 20) + "</a>"), ErrorCodes.XmlTooLarge },
        { "a truncated document", Encoding.UTF8.GetBytes("<EInvoice><Header><EIid>2411"), ErrorCodes.XmlSyntax },
        { "mismatched tags", Encoding.UTF8.GetBytes("<a><b></a></b>"), ErrorCodes.XmlSyntax },
        { "two roots", Encoding.UTF8.GetBytes("<a/><b/>"), ErrorCodes.XmlSyntax },
        { "nothing", [], ErrorCodes.XmlSyntax },
        { "only a declaration", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>"), ErrorCodes.XmlSyntax },
        { "invalid UTF-8", [.. "<a>"u8, 0xC3, 0x28, .. "</a>"u8], ErrorCodes.EncodingInvalid },
        { "GB18030 bytes declared as UTF-8", [.. "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>"u8, 0xC4, 0xE3, 0xBA, 0xC3, .. "</a>"u8], ErrorCodes.EncodingInvalid },
        { "a UTF-16 byte order mark on an odd length", [0xFF, 0xFE, (byte)'<', 0, (byte)'a', 0, (byte)'/', 0, (byte)'>', 0, 0xD8], ErrorCodes.EncodingInvalid },
        { "an unsupported encoding", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"EBCDIC-CP-US\"?><a/>"), ErrorCodes.EncodingUnsupported },
        { "binary noise", [0x00, 0x01, 0x02, 0xFF, 0x10, 0x80], ErrorCodes.EncodingInvalid },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Load_HostileXml_IsRefusedWithItsCodeInBoundedTime(string because, byte[] xml, string code)
    {
        var problems = new List<Problem>();
        var clock = Stopwatch.StartNew();

        var root = SafeXml.Load(xml, "$", problems);

        root.ShouldBeNull(because);
        problems.Select(p => p.Code).ShouldBe([code], because);
        clock.Elapsed.ShouldBeLessThan(HangGuard.Limit, because);
    }

    [Fact]
    public void Load_ExternalEntity_IsNeverResolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var problems = new List<Problem>();
            var xml = Encoding.UTF8.GetBytes($"<!DOCTYPE a [<!ENTITY x SYSTEM \"file://{secret}\">]><a>&x;</a>");

            SafeXml.Load(xml, "$", problems).ShouldBeNull();

            problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.XmlDtd);
            problems[0].Message.ShouldNotContain("SECRET");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes("<a>华为技术有限公司</a>") },
        { "UTF-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<a>华为技术有限公司</a>")] },
        { "UTF-16 little-endian", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>华为技术有限公司</a>")] },
        { "UTF-16 big-endian", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("<a>华为技术有限公司</a>")] },
        { "GB18030 declared as GBK", [.. "<?xml version=\"1.0\" encoding=\"GBK\"?><a>"u8, .. CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes("华为技术有限公司"), .. "</a>"u8] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Load_EncodingsInvoicesComeIn_AreDecoded(string because, byte[] xml)
    {
        var problems = new List<Problem>();

        var root = SafeXml.Load(xml, "$", problems);

        problems.ShouldBeEmpty(because);
        root.ShouldNotBeNull(because).Value.ShouldBe("华为技术有限公司", because);
    }

    [Theory]
    [InlineData("<ofd:a><ofd:b>x</ofd:b></ofd:a>")]
    [InlineData("<:a xmlns:=\"\"><b>x</b></:a>")]
    [InlineData("<x:a xmlns:x=\"urn:one\"><y:b xmlns:y=\"urn:two\">x</y:b></x:a>")]
    public void Load_OddOrMissingNamespaces_KeepLocalNames(string xml)
    {
        var problems = new List<Problem>();

        var root = SafeXml.Load(Encoding.UTF8.GetBytes(xml), "$", problems);

        problems.ShouldBeEmpty();
        root.ShouldNotBeNull().Name.LocalName.ShouldBe("a");
        root.Element("b").ShouldNotBeNull().Value.ShouldBe("x");
    }
}
