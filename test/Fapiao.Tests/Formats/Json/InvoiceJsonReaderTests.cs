using System.Text;
using Fapiao.Formats.Json;
using Fapiao.Validation;

namespace Fapiao.Tests.Formats.Json;

public sealed class InvoiceJsonReaderTests
{
    private static (Fapiao.Formats.InvoiceDraft? Draft, List<Problem> Problems) Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    private static (Fapiao.Formats.InvoiceDraft? Draft, List<Problem> Problems) Read(byte[] bytes)
    {
        var problems = new List<Problem>();
        var draft = InvoiceJsonReader.Read(bytes, problems);
        return (draft, problems);
    }

    [Fact]
    public void Read_CanonicalShape_FillsEveryField()
    {
        var (draft, problems) = Read("""
            {"number":"24112000000000012345","code":null,"type":"31","issueDate":"2024-11-20",
             "seller":{"taxId":"914403001922038216","name":"华为技术有限公司"},"buyer":{"taxId":"91330100799655058B","name":"阿里巴巴（中国）有限公司"},
             "lines":[{"name":"*信息技术服务*软件开发","spec":"","unit":"项","quantity":"1","unitPrice":"1000.00","amount":"1000.00","taxRate":"0.06","tax":"60.00"}],
             "amount":"1000.00","tax":"60.00","total":"1060.00","checkCode":null,"remarks":"","redLetterOf":null}
            """);

        problems.ShouldBeEmpty();
        draft.ShouldNotBeNull();
        draft.Number.ShouldBe("24112000000000012345");
        draft.Code.ShouldBeNull();
        draft.Seller!.Name.ShouldBe("华为技术有限公司");
        draft.Lines!.Single().TaxRate.ShouldBe("0.06");
        draft.Total.ShouldBe("1060.00");
    }

    [Fact]
    public void Read_MoneyAsJsonNumber_KeepsTheExactLiteral()
    {
        var (draft, problems) = Read("""{"number":"24112000000000012345","amount":1000.10,"tax":0.1}""");

        problems.ShouldBeEmpty();
        draft!.Amount.ShouldBe("1000.10");
        draft.Tax.ShouldBe("0.1");
    }

    [Fact]
    public void Read_EscapedFieldNames_AreTheFieldsTheySpell()
    {
        var (draft, problems) = Read("""{"numb\u0065r":"24112000000000012345","\u0074ax":"0.10","seller":{"tax\u0049d":"914403001922038216"}}""");

        problems.ShouldBeEmpty();
        draft!.Number.ShouldBe("24112000000000012345");
        draft.Tax.ShouldBe("0.10");
        draft.Seller!.TaxId.ShouldBe("914403001922038216");
    }

    [Theory]
    [InlineData("""{"number":"1","color":"red"}""", ErrorCodes.JsonUnknownField, "color")]
    [InlineData("""{"number":"1","seller":{"taxId":"1","bank":"x"}}""", ErrorCodes.JsonUnknownField, "seller.bank")]
    [InlineData("""{"number":"1","lines":[{"amount":"1","discount":"1"}]}""", ErrorCodes.JsonUnknownField, "lines[0].discount")]
    [InlineData("""{"number":"1","taxId":"1"}""", ErrorCodes.JsonUnknownField, "taxId")]
    [InlineData("""{"number":"1","lines":[{"amount":"1","total":"1"}]}""", ErrorCodes.JsonUnknownField, "lines[0].total")]
    [InlineData("""{"number":"1","taxes":"1"}""", ErrorCodes.JsonUnknownField, "taxes")]
    [InlineData("""{"number":"1","t":"1"}""", ErrorCodes.JsonUnknownField, "t")]
    [InlineData("""{"number":"1","":"1"}""", ErrorCodes.JsonUnknownField, "")]
    [InlineData("""{"number":"1","金额":"1"}""", ErrorCodes.JsonUnknownField, "金额")]
    [InlineData("""{"number":24112000000000012345}""", ErrorCodes.JsonType, "number")]
    [InlineData("""{"number":"1","seller":"someone"}""", ErrorCodes.JsonType, "seller")]
    [InlineData("""{"number":"1","lines":{}}""", ErrorCodes.JsonType, "lines")]
    [InlineData("""{"number":"1","amount":true}""", ErrorCodes.JsonType, "amount")]
    [InlineData("""{"number":"1","number":"2"}""", ErrorCodes.JsonDuplicateField, "number")]
    [InlineData("""{"number":"1\u0000"}""", ErrorCodes.TextControl, "number")]
    [InlineData("""{"remarks":"a\u001bb"}""", ErrorCodes.TextControl, "remarks")]
    [InlineData("""[1,2]""", ErrorCodes.JsonType, "$")]
    [InlineData("""{"number":"1",}""", ErrorCodes.JsonSyntax, null)]
    [InlineData("""{"number":"1"} {"number":"2"}""", ErrorCodes.JsonSyntax, null)]
    [InlineData("{\"number\":\"1", ErrorCodes.JsonSyntax, null)]
    [InlineData("", ErrorCodes.JsonSyntax, "$")]
    [InlineData("""{"lines":[{"l":[[[[[[[[[[]]]]]]]]]]}]}""", ErrorCodes.JsonDepth, null)]
    public void Read_BadInput_ReportsTheStableCode(string json, string code, string? field)
    {
        var (_, problems) = Read(json);

        var problem = problems.Where(p => p.Code == code).ShouldHaveSingleItem();
        problem.Severity.ShouldBe(Severity.Error);
        if (field is not null)
        {
            problem.Field.ShouldBe(field);
        }
    }

    [Fact]
    public void Read_InvalidUtf8_IsAnEncodingError()
    {
        var (draft, problems) = Read([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        draft.ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.EncodingInvalid);
    }

    [Fact]
    public void Read_SeveralUnknownFields_ReportsEachOne()
    {
        var (_, problems) = Read("""{"a":1,"b":{"c":[1,2]},"number":"1","d":null}""");

        problems.Select(p => p.Field).ShouldBe(["a", "b", "d"]);
    }

    [Fact]
    public void Read_HugeNestingOrLongText_IsBoundedAndReported()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        Read("""{"remarks":""" + deep + "}").Problems.ShouldContain(p => p.Code == ErrorCodes.JsonDepth);

        var longRemarks = new string('x', 10_000);
        Read($$"""{"remarks":"{{longRemarks}}"}""").Problems.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.TextTooLong);
    }

    [Fact]
    public void Read_ArbitraryBytes_NeverThrows()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            Should.NotThrow(() => Read(bytes));
        }
    }
}
