using System.Text;
using Fapiao.Demo;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Fapiao.Tests.Formats.Json;

public sealed class CanonicalInvoiceJsonTests
{
    private static readonly InvoiceValidator Validator = new(TimeProvider.System);

    private static Invoice Parse(string json)
    {
        var problems = new List<Problem>();
        var draft = InvoiceJsonReader.Read(Encoding.UTF8.GetBytes(json), problems).ShouldNotBeNull();
        return Validator.Validate(draft, problems).ShouldNotBeNull(string.Join("; ", problems));
    }

    private const string Compact = """{"number":"24112000000000012345","type":"31","issueDate":"2024-11-20","seller":{"taxId":"914403001922038216","name":"华为技术有限公司"},"lines":[{"name":"*信息技术服务*软件开发","quantity":"1","unitPrice":"1000","amount":"1000.00","taxRate":"0.06","tax":"60.00"}],"amount":"1000.00","tax":"60.00","total":"1060.00"}""";

    [Fact]
    public void ToBytes_ValidInvoice_IsTheCompactCanonicalText()
    {
        Encoding.UTF8.GetString(CanonicalInvoiceJson.ToBytes(Parse(Compact))).ShouldBe(Compact);
    }

    [Fact]
    public void ContentHash_KeyOrderWhitespaceTrailingZerosAndEmptyFields_DoNotChangeIt()
    {
        const string reshaped = """
            {
              "total": 1060,   "tax": "60.0", "amount": "1000.000",
              "lines": [ { "tax": "60", "taxRate": "6%", "amount": "1000", "unitPrice": "1000.0000", "quantity": "1.0", "name": "*信息技术服务*软件开发", "spec": "", "unit": null } ],
              "seller": { "name": "华为技术有限公司", "taxId": "914403001922038216" },
              "buyer": null, "remarks": "", "checkCode": null, "redLetterOf": null, "code": "",
              "issueDate": "2024-11-20", "type": "31", "number": "24112000000000012345"
            }
            """;

        CanonicalInvoiceJson.ContentHash(Parse(reshaped)).ShouldBe(CanonicalInvoiceJson.ContentHash(Parse(Compact)));
    }

    [Fact]
    public void ContentHash_AnyValueChanged_ChangesIt()
    {
        var original = CanonicalInvoiceJson.ContentHash(Parse(Compact));

        CanonicalInvoiceJson.ContentHash(Parse(Compact.Replace("华为技术有限公司", "华为技术有限公司 ", StringComparison.Ordinal))).ShouldNotBe(original);
        CanonicalInvoiceJson.ContentHash(Parse(Compact.Replace("2024-11-20", "2024-11-21", StringComparison.Ordinal))).ShouldNotBe(original);
    }

    [Fact]
    public void ToBytes_ThenParse_RoundTripsEveryGeneratedInvoice()
    {
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), seed =>
        {
            var invoice = new DemoInvoices(seed, new DateOnly(2026, 11, 28)).Generate(3).Last();
            var bytes = CanonicalInvoiceJson.ToBytes(invoice);
            var again = CanonicalInvoiceJson.ToBytes(Parse(Encoding.UTF8.GetString(bytes)));
            return again.AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }
}
