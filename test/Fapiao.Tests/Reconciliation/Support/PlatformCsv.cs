using System.Text;

namespace Fapiao.Tests.Reconciliation.Support;

/// <summary>
/// Platform-export CSV text for reconciliation tests, built from a seed: plain rows as exports
/// write them, and, when asked, every spelling the readers meet in the wild (quoted cells, white
/// space, other date and money forms, lower-case IDs, unknown statuses, keys too long to pack or
/// not ASCII, rows with no key, blank rows, CRLF, line breaks inside quotes).
/// </summary>
internal static class PlatformCsv
{
    public const string Header = "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态";

    /// <summary>One invoice as cells (code, number, 数电 number, seller, buyer, date, amount, tax, total, status).</summary>
    internal sealed record Row(string Code, string Number, string Shudian, string Seller, string Buyer, string Date, string Amount, string Tax, string Total, string Status)
    {
        public string Key => Code.Length > 0 ? $"{Code}-{Number}" : Shudian;

        public string Line(string sellerName = "华为技术有限公司") =>
            $"{Code},{Number},{Shudian},{Seller},{sellerName},{Buyer},\"阿里巴巴（中国）有限公司\",{Date},{Amount},{Tax},{Total},数电票（普通发票）,{Status}";
    }

    public static Row Plain(int i) =>
        new("", "", $"2411200000{i:D10}", "914403001922038216", "91330100799655058B", $"2024-11-{1 + (i % 28):D2}", $"{1000 + i}.00", "60.00", $"{1060 + i}.00", "正常");

    public static string File(IEnumerable<string> lines, string newline = "\n") => Header + newline + string.Join(newline, lines) + newline;

    /// <summary>A row as a messy export might write it: each cell in one of its plain or unusual spellings.</summary>
    public static string Messy(int i, Random random)
    {
        T Pick<T>(params T[] options) => options[random.Next(options.Length)];
        var plain = Plain(i);
        if (random.Next(3) == 0)
        {
            return plain.Line();
        }

        var key = random.Next(12);
        var (code, number, shudian) = key switch
        {
            0 => ("011002680026", $"{i:D8}", ""),
            1 => ("", $"{i:D8}", ""),
            2 => ("", "", $" {plain.Shudian} "),
            3 => ("", "", $"\"{plain.Shudian}\""),
            4 => ("", "", $"abc{i}x"),
            5 => ("", "", $"24112000000000000000000{i}"),
            6 => ("", "", $"２４{i}"),
            7 => ("", "", ""),
            8 => ("", "", "2.41E+19"),
            9 => ("044031900111", $"{i:D8}", plain.Shudian),
            _ => ("", "", plain.Shudian),
        };
        var seller = Pick("914403001922038216", "914403001922038216", "91440300192203821x", " 914403001922038216", "", "\"914403001922038216\"", "9.14E+17");
        var buyer = Pick("91330100799655058B", "91330100799655058b", "", "911");
        var date = Pick(plain.Date, plain.Date, "2024-11-20 10:08:05", "2024/11/20", "2024年11月20日", "", "soon", "2024-02-30", "2024-11-20T09:00:00", "20241120", "2024-11-20 25:00");
        var amount = Pick(plain.Amount, "1000", "1000.5", "1000.50", "-3.00", "\"1,000.00\"", "100.505", " 100 ", "", "abc", "0.00", "-0", "1000.", "1000.500", "1234567890123456");
        var tax = Pick(plain.Tax, "60", "", "0.06");
        var total = Pick(plain.Total, "1060", "", "1060.001");
        var status = Pick("正常", "正常", "作废", "已作废", "全额红冲", "部分红冲", "normal", "voided", "", "奇怪", " 正常", "\"正常\"");
        var name = Pick("华为技术有限公司", "\"华为, 深圳\"", "\"华为\"\"深圳\"\"\"", "\"多行\n名称\"", "x\"y");
        var line = new Row(code, number, shudian, seller, buyer, date, amount, tax, total, status).Line(name);
        return random.Next(40) switch
        {
            0 => "",
            1 => " , ,",
            2 => line + ",\"unclosed",
            3 => line + ",\"a\"b",
            _ => line,
        };
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
