namespace Fapiao.Tests.Formats.Ofd;

/// <summary>
/// What each real OFD fixture holds, read out of the files by hand (the XML attachment, or the page
/// text the custom tags point at): the part the invoice is read from, its key, and the invoice as
/// canonical JSON. Both the reader's tests and the CLI's (<c>show --json</c>) check against these.
/// </summary>
internal static class OfdFixtureInvoices
{
    public sealed record Expected(string Fixture, string Part, string Key, string Json);

    public static IReadOnlyList<Expected> All { get; } =
    [
        new("legacy-einvoice-2020.ofd", "Doc_0/Attachs/original_invoice.xml", "033002000211-83089647", """
            {"number":"83089647","code":"033002000211","type":"10","issueDate":"2020-07-23",
             "seller":{"taxId":"92330781MA2EDMFU50","name":"兰溪市悦济舫餐厅"},
             "buyer":{"taxId":"91320115MA202UKD7X","name":"江苏京利华新材料有限公司"},
             "lines":[{"name":"*餐饮服务*餐费","quantity":"1","unitPrice":"510.679612","amount":"510.68","taxRate":"0.03","tax":"15.32"}],
             "amount":"510.68","tax":"15.32","total":"526.00","checkCode":"16197833567414507415"}
            """),

        // The item name wraps onto a second text object ("费"), the amounts are "¥" and the figure
        // as two objects, the remark is two objects: each runs together. Type 31 is the template's title.
        new("shudian-special-2024.ofd", "Doc_0/Tags/CustomTag.xml", "24112000000048542163", """
            {"number":"24112000000048542163","type":"31","issueDate":"2024-05-28",
             "seller":{"taxId":"91110108690017781B","name":"北京互联三六五科技有限公司"},
             "buyer":{"taxId":"91460300MAA92DJN95","name":"海南麒麟云服科技有限公司"},
             "lines":[{"name":"*信息技术服务*技术服务费","quantity":"1","unitPrice":"4197.16981132075","amount":"4197.17","taxRate":"0.06","tax":"251.83"}],
             "amount":"4197.17","tax":"251.83","total":"4449.00","remarks":"收款人:李蓉蓉;    复核人:周欣铭;"}
            """),

        new("xbrl-attachment-2022.ofd", "Doc_0/Attachs/inv_ord_issuer_20220901_03300220021199934328.xml", "033002200211-99934328", """
            {"number":"99934328","code":"033002200211","type":"10","issueDate":"2022-09-01",
             "seller":{"taxId":"91330106MA7GAL1299","name":"杭州融运科技有限公司"},
             "buyer":{"taxId":"913202133140424571","name":"江苏中电创新环境科技有限公司"},
             "lines":[{"name":"*金属制品*A系列一字形螺丝批3.2x75MM","spec":"62202","unit":"批","quantity":"1","unitPrice":"9.91150442","amount":"9.91","taxRate":"0.13","tax":"1.29"}],
             "amount":"9.91","tax":"1.29","total":"11.20","checkCode":"64484022470182298515"}
            """),
    ];

    public static TheoryData<string> Fixtures => new(All.Select(e => e.Fixture));

    public static Expected Of(string fixture) => All.Single(e => e.Fixture == fixture);
}
