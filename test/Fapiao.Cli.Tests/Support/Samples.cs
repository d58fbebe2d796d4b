using System.Text.Json.Nodes;

namespace Fapiao.Cli.Tests.Support;

/// <summary>Valid invoices as JSON, numbered so that each is its own key.</summary>
internal static class Samples
{
    public static string Number(int i) => $"2411200000{i:D10}";

    public static JsonObject Invoice(int i) => JsonNode.Parse($$"""
        {"number":"{{Number(i)}}","type":"32","issueDate":"2024-11-20",
         "seller":{"taxId":"914403001922038216","name":"华为技术有限公司"},
         "buyer":{"taxId":"91330100799655058B","name":"阿里巴巴（中国）有限公司"},
         "lines":[{"name":"*信息技术服务*软件开发","quantity":"1","unitPrice":"1000.00","amount":"1000.00","taxRate":"0.06","tax":"60.00"}],
         "amount":"1000.00","tax":"60.00","total":"1060.00"}
        """)!.AsObject();

    public static string Lines(IEnumerable<JsonNode> invoices) => string.Concat(invoices.Select(i => i.ToJsonString() + "\n"));
}
