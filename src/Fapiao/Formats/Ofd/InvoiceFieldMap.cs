using System.Xml.Linq;
using Fapiao.Formats.Json;
using Fapiao.Formats.Xml;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// The field names of the edrm e-invoice schema (<c>InvoiceNo</c>, <c>IssueDate</c>,
/// <c>BuyerTaxID</c>, <c>TaxInclusiveTotalAmount</c>, <c>GoodsInfo/Item</c>, …), which both the
/// legacy <c>original_invoice.xml</c> attachment and the custom tags of OFD invoices use. Only the
/// way a field's text is got differs: the element's own text, or the page text its ObjectRefs
/// point to. Names match by local name, ignoring case.
/// </summary>
internal static class InvoiceFieldMap
{
    private const string LineElement = "GoodsInfo";

    public static InvoiceDraft Read(XElement root, Func<XElement, string, string?> text, List<Problem> problems)
    {
        var fields = Index(root);
        string? Get(string field, int maxLength, params string[] names) =>
            Find(fields, names) is { } element ? XmlValues.Checked(text(element, field), field, maxLength, problems) : null;

        return new InvoiceDraft
        {
            Code = Get("code", TextLimits.Identifier, "InvoiceCode"),
            Number = Get("number", TextLimits.Identifier, "InvoiceNo", "InvoiceNumber"),
            IssueDate = XmlValues.Date(Get("issueDate", TextLimits.Identifier, "IssueDate")),
            CheckCode = Get("checkCode", TextLimits.Identifier, "InvoiceCheckCode", "CheckCode")?.Replace(" ", "", StringComparison.Ordinal),
            Buyer = Party(Get("buyer.taxId", TextLimits.Identifier, "BuyerTaxID", "BuyerIdNum"), Get("buyer.name", TextLimits.Name, "BuyerName")),
            Seller = Party(Get("seller.taxId", TextLimits.Identifier, "SellerTaxID", "SellerIdNum"), Get("seller.name", TextLimits.Name, "SellerName")),
            Amount = XmlValues.Money(Get("amount", TextLimits.Identifier, "TaxExclusiveTotalAmount")),
            Tax = XmlValues.Money(Get("tax", TextLimits.Identifier, "TaxTotalAmount")),
            Total = XmlValues.Money(Get("total", TextLimits.Identifier, "TaxInclusiveTotalAmount")),
            Remarks = Find(fields, "Note", "Remark") is { } note ? XmlValues.Remarks(text(note, "remarks"), "remarks", problems) : null,
            Lines = Lines(root, fields, text, problems),
        };
    }

    private static List<LineDraft>? Lines(XElement root, Dictionary<string, XElement> topLevel, Func<XElement, string, string?> text, List<Problem> problems)
    {
        // Legacy files group each line in GoodsInfo; 数电 custom tags put the one line's fields at the top.
        var blocks = root.Descendants(LineElement).Select(Index).ToList();
        if (blocks.Count == 0 && Find(topLevel, "Item", "Amount") is not null)
        {
            blocks.Add(topLevel);
        }

        if (blocks.Count == 0)
        {
            return null;
        }

        if (blocks.Count > InvoiceJsonReader.MaxLines)
        {
            problems.Add(Problem.Error(ErrorCodes.LineLimit, "lines", $"More than {InvoiceJsonReader.MaxLines} lines."));
            return null;
        }

        var lines = new List<LineDraft>(blocks.Count);
        foreach (var block in blocks)
        {
            var path = $"lines[{lines.Count}]";
            string? Get(string field, int maxLength, params string[] names) =>
                Find(block, names) is { } element ? XmlValues.Checked(text(element, path + "." + field), path + "." + field, maxLength, problems) : null;

            lines.Add(new LineDraft
            {
                Name = Get("name", TextLimits.Name, "Item"),
                Spec = Get("spec", TextLimits.Name, "Specification"),
                Unit = Get("unit", TextLimits.Name, "MeasurementDimension"),
                Quantity = Get("quantity", TextLimits.Identifier, "Quantity"),
                UnitPrice = XmlValues.Money(Get("unitPrice", TextLimits.Identifier, "Price")),
                Amount = XmlValues.Money(Get("amount", TextLimits.Identifier, "Amount")),
                TaxRate = Get("taxRate", TextLimits.Identifier, "TaxScheme"),
                Tax = XmlValues.Money(Get("tax", TextLimits.Identifier, "TaxAmount")),
            });
        }

        return lines;
    }

    private static PartyDraft? Party(string? taxId, string? name) =>
        taxId is null && name is null ? null : new PartyDraft { TaxId = taxId, Name = name };

    private static XElement? Find(Dictionary<string, XElement> fields, params string[] names)
    {
        foreach (var name in names)
        {
            if (fields.TryGetValue(name, out var element))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>The first element of each local name below <paramref name="root"/>, not looking inside line blocks (unless the root is one).</summary>
    private static Dictionary<string, XElement> Index(XElement root)
    {
        var fields = new Dictionary<string, XElement>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<XElement>();
        pending.Push(root);
        while (pending.TryPop(out var element))
        {
            var children = element.Elements().Where(e => e.Name.LocalName != LineElement).ToList();
            foreach (var child in children)
            {
                fields.TryAdd(child.Name.LocalName, child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }

        return fields;
    }
}
