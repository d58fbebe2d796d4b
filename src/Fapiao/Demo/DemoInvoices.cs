using System.Globalization;
using System.Text.Json;
using Fapiao.Domain;
using Fapiao.Formats.Json;

namespace Fapiao.Demo;

/// <summary>
/// Realistic, valid invoices for trying the ledger out and for benchmarks: 数电 special and
/// ordinary invoices, legacy electronic ordinary invoices (12-digit code, check code) and legacy
/// special invoices (10-digit code), sellers and buyers with correct USCC check characters, 1–3
/// lines at the rates in use, tax rounded half away from zero. Deterministic for a seed; keys are
/// unique within one run and, for different seeds, almost surely apart.
/// </summary>
internal sealed class DemoInvoices(int seed, DateOnly today)
{
    private static readonly string[] Cities = ["深圳", "杭州", "北京", "上海", "广州", "成都", "南京", "武汉", "苏州", "厦门"];
    private static readonly string[] Trades = ["信息技术", "贸易", "物流", "咨询", "电子", "建设工程", "餐饮管理", "文化传媒", "医药", "新材料"];
    private static readonly string[] Items = ["*信息技术服务*软件开发", "*现代服务*咨询费", "*物流辅助服务*仓储服务", "*计算机外部设备*显示器", "*餐饮服务*餐费", "*经纪代理服务*代理费", "*纸制品*打印纸", "*运输服务*国内货物运输"];
    private static readonly string[] Units = ["项", "台", "次", "箱", "千克", "月"];
    private static readonly decimal[] Rates = [0.13m, 0.09m, 0.06m, 0.03m, 0.01m];
    private const string UsccSymbols = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private readonly Random random = new(seed);
    private readonly (string TaxId, string Name)[] companies = MakeCompanies(new Random(seed ^ 0x5F3759DF), 200);

    public IEnumerable<Invoice> Generate(long count)
    {
        // Spreads the keys of different seeds apart; within one run the counter keeps them unique.
        var series = (long)(uint)seed % 90_000 + 10_000;
        for (long i = 0; i < count; i++)
        {
            yield return Next(series, i);
        }
    }

    public static void WriteJsonLines(IEnumerable<Invoice> invoices, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, CanonicalInvoiceJson.WriterOptions);
        foreach (var invoice in invoices)
        {
            CanonicalInvoiceJson.Write(writer, invoice);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    private Invoice Next(long series, long i)
    {
        var roll = random.Next(100);
        var (type, keyText, checkCode) = roll switch
        {
            < 45 => ("31", ShudianNumber(series, i), null),
            < 70 => ("32", ShudianNumber(series, i), null),
            < 90 => ("10", $"0{4403}{today.Year % 100:D2}{(series + i / 100_000_000) % 1000:D3}11-{(series * 7919 + i) % 100_000_000:D8}", Digits(20)),
            _ => ("01", $"4403{today.Year % 100:D2}1130-{(series * 7919 + i) % 100_000_000:D8}", (string?)null),
        };
        if (!InvoiceKey.TryParse(keyText, out var key))
        {
            throw new InvalidOperationException($"The demo generator made an invalid key {keyText}.");
        }

        var seller = companies[random.Next(companies.Length)];
        var buyer = companies[random.Next(companies.Length)];
        var lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Line()).ToList();
        var amount = lines.Sum(l => l.Amount);
        var tax = lines.Sum(l => l.Tax);
        return new Invoice
        {
            Key = key,
            Type = type,
            IssueDate = today.AddDays(-random.Next(700)),
            Seller = new Party(seller.TaxId, seller.Name),
            Buyer = new Party(buyer.TaxId, buyer.Name),
            Lines = lines,
            Amount = amount,
            Tax = tax,
            Total = amount + tax,
            CheckCode = checkCode,
            Remarks = random.Next(10) == 0 ? "项目编号 P" + random.Next(10_000).ToString("D4", CultureInfo.InvariantCulture) : null,
        };
    }

    private string ShudianNumber(long series, long i) =>
        $"{today.Year % 100:D2}44{series:D5}{i:D11}"[..20];

    private InvoiceLine Line()
    {
        var quantity = 1 + random.Next(20);
        var unitPrice = Math.Round((decimal)random.Next(100, 5_000_000) / 100m, 2);
        var amount = quantity * unitPrice;
        var rateValue = Rates[random.Next(Rates.Length)];
        if (!TaxRate.TryParse(rateValue.ToString(CultureInfo.InvariantCulture), out var rate))
        {
            throw new InvalidOperationException($"The demo rate {rateValue} does not parse.");
        }

        return new InvoiceLine(Items[random.Next(Items.Length)], null, Units[random.Next(Units.Length)], quantity, unitPrice, amount, rate, Amounts.RoundTax(amount * rateValue));
    }

    private string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + random.Next(10))));

    private static (string, string)[] MakeCompanies(Random random, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var body = "91" + "440300".AsSpan().ToString() + string.Concat(Enumerable.Range(0, 9).Select(_ => UsccSymbols[random.Next(UsccSymbols.Length)]));
            var taxId = body + TaxIds.UsccCheckCharacter(body);
            var name = $"{Cities[i % Cities.Length]}{Trades[random.Next(Trades.Length)]}{(char)('甲' + i % 10)}{i / 10}有限公司";
            return (taxId, name);
        }).ToArray();
}
