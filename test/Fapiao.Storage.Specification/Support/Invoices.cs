using System.Text;
using System.Text.Json.Nodes;

namespace Fapiao.Storage.Specification.Support;

/// <summary>Valid invoice JSON for the storage tests, and ways to change one field.</summary>
internal static class Invoices
{
    public const string ShudianNumber = "24112000000000012345";
    public const string Seller = "914403001922038216";
    public const string Buyer = "91330100799655058B";

    public static JsonObject Shudian(string number = ShudianNumber, string total = "1060.00") => new()
    {
        ["number"] = number,
        ["type"] = "31",
        ["issueDate"] = "2024-11-20",
        ["seller"] = new JsonObject { ["taxId"] = Seller, ["name"] = "华为技术有限公司" },
        ["buyer"] = new JsonObject { ["taxId"] = Buyer, ["name"] = "阿里巴巴（中国）有限公司" },
        ["lines"] = new JsonArray(new JsonObject
        {
            ["name"] = "*信息技术服务*软件开发", ["unit"] = "项", ["quantity"] = "1", ["unitPrice"] = "1000.00",
            ["amount"] = "1000.00", ["taxRate"] = "0.06", ["tax"] = "60.00",
        }),
        ["amount"] = "1000.00",
        ["tax"] = "60.00",
        ["total"] = total,
    };

    /// <summary>The same content as a legacy electronic ordinary invoice (type 10), keyed by code and number.</summary>
    public static JsonObject Legacy(string code, string number)
    {
        var legacy = Shudian(number);
        legacy["code"] = code;
        legacy["type"] = "10";
        return legacy;
    }

    public static JsonObject Red(string number, string blue, string amount, string tax)
    {
        var a = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var t = decimal.Parse(tax, System.Globalization.CultureInfo.InvariantCulture);
        var red = Shudian(number);
        red["redLetterOf"] = blue;
        red["lines"] = new JsonArray(new JsonObject { ["name"] = "*信息技术服务*软件开发", ["amount"] = amount, ["taxRate"] = "0.06", ["tax"] = tax });
        red["amount"] = amount;
        red["tax"] = tax;
        red["total"] = (a + t).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return red;
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
