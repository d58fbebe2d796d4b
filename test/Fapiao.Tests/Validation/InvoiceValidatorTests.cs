using System.Text;
using System.Text.Json.Nodes;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Validation;

public sealed class InvoiceValidatorTests
{
    private static InvoiceValidator CreateSut() => new(FixedClock.Default);

    private static JsonObject Valid() => JsonNode.Parse("""
        {"number":"24112000000000012345","type":"31","issueDate":"2024-11-20",
         "seller":{"taxId":"914403001922038216","name":"华为技术有限公司"},
         "buyer":{"taxId":"91330100799655058B","name":"阿里巴巴（中国）有限公司"},
         "lines":[{"name":"*信息技术服务*软件开发","quantity":"1","unitPrice":"1000.00","amount":"1000.00","taxRate":"0.06","tax":"60.00"},
                  {"name":"*现代服务*咨询费","amount":"500.00","taxRate":"13%","tax":"65.00"}],
         "amount":"1500.00","tax":"125.00","total":"1625.00"}
        """)!.AsObject();

    private static (Invoice? Invoice, List<Problem> Problems) Validate(JsonNode json)
    {
        var problems = new List<Problem>();
        var draft = InvoiceJsonReader.Read(Encoding.UTF8.GetBytes(json.ToJsonString()), problems).ShouldNotBeNull();
        return (CreateSut().Validate(draft, problems), problems);
    }

    private static JsonObject With(Action<JsonObject> change)
    {
        var json = Valid();
        change(json);
        return json;
    }

    [Fact]
    public void Validate_ValidShudianInvoice_GivesTheInvoiceWithoutProblems()
    {
        var (invoice, problems) = Validate(Valid());

        problems.ShouldBeEmpty();
        invoice.ShouldNotBeNull();
        invoice.Key.ToString().ShouldBe("24112000000000012345");
        invoice.Total.ShouldBe(1625.00m);
        invoice.Lines!.Count.ShouldBe(2);
        invoice.Lines[1].TaxRate.Canonical.ShouldBe("0.13");
    }

    public static TheoryData<string, Action<JsonObject>, string, string> Errors => new()
    {
        { "missing number", j => j.Remove("number"), ErrorCodes.FieldRequired, "number" },
        { "19-digit number", j => j["number"] = "2411200000000001234", ErrorCodes.NumberFormat, "number" },
        { "legacy code of 11 digits", j => { j["code"] = "01100268002"; j["number"] = "71500013"; j["type"] = "10"; }, ErrorCodes.CodeFormat, "code" },
        { "legacy number of 7 digits", j => { j["code"] = "011002680026"; j["number"] = "7150001"; j["type"] = "10"; }, ErrorCodes.NumberFormat, "number" },
        { "type 99", j => j["type"] = "99", ErrorCodes.TypeUnknown, "type" },
        { "missing type", j => j.Remove("type"), ErrorCodes.FieldRequired, "type" },
        { "30 February", j => j["issueDate"] = "2024-02-30", ErrorCodes.DateFormat, "issueDate" },
        { "compact date", j => j["issueDate"] = "20241120", ErrorCodes.DateFormat, "issueDate" },
        { "future date", j => j["issueDate"] = "2027-01-01", ErrorCodes.DateFuture, "issueDate" },
        { "seller id with a hyphen", j => j["seller"]!["taxId"] = "91440300-192203821", ErrorCodes.TaxIdFormat, "seller.taxId" },
        { "seller without id", j => j["seller"]!.AsObject().Remove("taxId"), ErrorCodes.TaxIdRequired, "seller.taxId" },
        { "amount with 3 decimals", j => j["amount"] = "1500.001", ErrorCodes.AmountFormat, "amount" },
        { "amount in exponent form", j => j["total"] = "1.625e3", ErrorCodes.AmountFormat, "total" },
        { "huge amount", j => j["amount"] = "1" + new string('0', 40), ErrorCodes.AmountFormat, "amount" },
        { "amount not the sum of lines", j => { j["amount"] = "1400.00"; j["total"] = "1525.00"; }, ErrorCodes.SumLines, "amount" },
        { "tax not the sum of line taxes", j => { j["tax"] = "125.01"; j["total"] = "1625.01"; }, ErrorCodes.SumTax, "tax" },
        { "total not amount plus tax", j => j["total"] = "1625.01", ErrorCodes.SumTotal, "total" },
        { "line tax off by 0.07", j => { j["lines"]![0]!["tax"] = "60.07"; j["tax"] = "125.07"; j["total"] = "1625.07"; }, ErrorCodes.TaxTolerance, "lines[0].tax" },
        { "rate of 7%", j => j["lines"]![0]!["taxRate"] = "7%", ErrorCodes.TaxRateUnknown, "lines[0].taxRate" },
        { "line without tax", j => j["lines"]![0]!.AsObject().Remove("tax"), ErrorCodes.FieldRequired, "lines[0].tax" },
        { "negative total without reference", j => NegateAll(j), ErrorCodes.RedLetterReference, "redLetterOf" },
        { "reference on a positive invoice", j => j["redLetterOf"] = "24112000000000099999", ErrorCodes.RedLetterSign, "total" },
        { "reference that is not a key", j => { NegateAll(j); j["redLetterOf"] = "abc"; }, ErrorCodes.RedLetterReference, "redLetterOf" },
        { "reference to itself", j => { NegateAll(j); j["redLetterOf"] = "24112000000000012345"; }, ErrorCodes.RedLetterReference, "redLetterOf" },
        { "check code of 19 digits", j => { j["code"] = "011002680026"; j["number"] = "71500013"; j["type"] = "10"; j["checkCode"] = "0327287581968627128"; }, ErrorCodes.CheckCodeFormat, "checkCode" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Validate_BrokenRule_RejectsWithTheStableCodeAndField(string because, Action<JsonObject> change, string code, string field)
    {
        var (invoice, problems) = Validate(With(change));

        invoice.ShouldBeNull(because);
        problems.ShouldContain(p => p.Code == code && p.Field == field && p.Severity == Severity.Error, because);
    }

    [Fact]
    public void Validate_LineTaxOffBy006_IsWithinTheTolerance()
    {
        var (invoice, problems) = Validate(With(j => { j["lines"]![0]!["tax"] = "60.06"; j["tax"] = "125.06"; j["total"] = "1625.06"; }));

        problems.ShouldBeEmpty();
        invoice.ShouldNotBeNull();
    }

    [Fact]
    public void Validate_ManyLinesEachWithinToleranceButSumBeyond127_IsAnInvoiceToleranceError()
    {
        var lines = new JsonArray();
        for (var i = 0; i < 25; i++)
        {
            lines.Add(new JsonObject { ["name"] = "x", ["amount"] = "100.00", ["taxRate"] = "0.06", ["tax"] = "6.06" });
        }

        var (invoice, problems) = Validate(With(j => { j["lines"] = lines; j["amount"] = "2500.00"; j["tax"] = "151.50"; j["total"] = "2651.50"; }));

        invoice.ShouldBeNull();
        problems.ShouldContain(p => p.Code == ErrorCodes.TaxTolerance && p.Field == "tax");
    }

    [Fact]
    public void Validate_BadUsccCheckCharacter_IsAWarningNotARejection()
    {
        var (invoice, problems) = Validate(With(j => j["buyer"]!["taxId"] = "91330100799655058C"));

        invoice.ShouldNotBeNull();
        problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe(ErrorCodes.TaxIdChecksum),
            p => p.Severity.ShouldBe(Severity.Warning),
            p => p.Field.ShouldBe("buyer.taxId"));
    }

    [Fact]
    public void Validate_PrivateBuyerWithoutTaxId_IsValid()
    {
        var (invoice, problems) = Validate(With(j => j["buyer"] = new JsonObject { ["name"] = "个人" }));

        problems.ShouldBeEmpty();
        invoice!.Buyer!.TaxId.ShouldBeNull();
    }

    [Fact]
    public void Validate_DiscountLineInABlueInvoice_IsNotRedLetter()
    {
        var (invoice, problems) = Validate(With(j =>
        {
            j["lines"]!.AsArray().Add(new JsonObject { ["name"] = "折扣", ["amount"] = "-100.00", ["taxRate"] = "0.13", ["tax"] = "-13.00" });
            j["amount"] = "1400.00";
            j["tax"] = "112.00";
            j["total"] = "1512.00";
        }));

        problems.ShouldBeEmpty();
        invoice!.IsRed.ShouldBeFalse();
    }

    [Fact]
    public void Validate_RedLetterReferenceInTheShudianRemark_IsTakenFromThere()
    {
        var (invoice, problems) = Validate(With(j =>
        {
            NegateAll(j);
            j["remarks"] = "被红冲蓝字数电发票号码：24112000000000000042 红字发票信息确认单编号：44011524112000123456";
        }));

        problems.ShouldBeEmpty();
        invoice!.RedLetterOf.ToString().ShouldBe("24112000000000000042");
    }

    [Fact]
    public void Validate_RedLetterReferenceInTheLegacyRemark_IsTakenFromThere()
    {
        var (invoice, _) = Validate(With(j =>
        {
            NegateAll(j);
            j["remarks"] = "对应正数发票代码:011002680026 号码:71500013";
        }));

        invoice!.RedLetterOf.ToString().ShouldBe("011002680026-71500013");
    }

    [Fact]
    public void Validate_EveryProblemAtOnce_IsReportedTogether()
    {
        var (_, problems) = Validate(With(j =>
        {
            j["type"] = "99";
            j["issueDate"] = "2024-13-01";
            j["seller"]!["taxId"] = "abc";
            j["total"] = "1.00";
        }));

        problems.Select(p => p.Code).ShouldBe([ErrorCodes.TypeUnknown, ErrorCodes.DateFormat, ErrorCodes.TaxIdFormat, ErrorCodes.SumTotal], ignoreOrder: true);
    }

    private static void NegateAll(JsonObject j)
    {
        j["lines"] = new JsonArray(new JsonObject { ["name"] = "*信息技术服务*软件开发", ["amount"] = "-1000.00", ["taxRate"] = "0.06", ["tax"] = "-60.00" });
        j["amount"] = "-1000.00";
        j["tax"] = "-60.00";
        j["total"] = "-1060.00";
    }
}
