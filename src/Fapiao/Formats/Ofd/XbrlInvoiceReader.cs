using System.Xml.Linq;
using Fapiao.Formats.Json;
using Fapiao.Formats.Xml;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// Reads the XBRL attachment of an OFD invoice (the Ministry of Finance's <c>inv</c> taxonomy:
/// <c>inv:CodeOfInvoice</c>, <c>inv:NumberOfInvoice</c>, <c>inv:DateOfIssue</c>, …) into a draft.
/// </summary>
internal static class XbrlInvoiceReader
{
    public const string RootName = "xbrl";
    private const string LineElement = "InformationOfTaxableGoodsOrServicesDetailItemsTuple";

    public static InvoiceDraft Read(XElement root, List<Problem> problems)
    {
        string? Get(string field, int maxLength, string name) =>
            XmlValues.Text(root.Element(name), field, maxLength, problems);

        var code = Get("code", TextLimits.Identifier, "CodeOfInvoice");
        return new InvoiceDraft
        {
            Code = code,
            Number = Get("number", TextLimits.Identifier, "NumberOfInvoice"),
            Type = OfdInvoiceTypes.FromName(root.Element("TypeOfInvoice")?.Value) ?? OfdInvoiceTypes.FromLegacyCode(code),
            IssueDate = XmlValues.Date(Get("issueDate", TextLimits.Identifier, "DateOfIssue")),
            CheckCode = Get("checkCode", TextLimits.Identifier, "IdentifyingCode"),
            Buyer = new PartyDraft
            {
                TaxId = Get("buyer.taxId", TextLimits.Identifier, "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfPurchaser"),
                Name = Get("buyer.name", TextLimits.Name, "NameOfPurchaser"),
            },
            Seller = new PartyDraft
            {
                TaxId = Get("seller.taxId", TextLimits.Identifier, "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller"),
                Name = Get("seller.name", TextLimits.Name, "NameOfSeller"),
            },
            Amount = Get("amount", TextLimits.Identifier, "TotalAmountExcludingTax"),
            Tax = Get("tax", TextLimits.Identifier, "TotalTaxAmount"),
            Total = Get("total", TextLimits.Identifier, "TaxIncludedAmountInFigures"),
            Remarks = XmlValues.Remarks(root.Element("Remarks")?.Value, "remarks", problems),
            Lines = Lines(root, problems),
        };
    }

    private static List<LineDraft>? Lines(XElement root, List<Problem> problems)
    {
        var lines = new List<LineDraft>();
        foreach (var item in root.Elements(LineElement))
        {
            if (lines.Count == InvoiceJsonReader.MaxLines)
            {
                problems.Add(Problem.Error(ErrorCodes.LineLimit, "lines", $"More than {InvoiceJsonReader.MaxLines} lines."));
                return null;
            }

            var path = $"lines[{lines.Count}]";
            string? Get(string field, int maxLength, string name) =>
                XmlValues.Text(item.Element(name), path + "." + field, maxLength, problems);

            lines.Add(new LineDraft
            {
                Name = Get("name", TextLimits.Name, "NameOfTaxableGoodsOrServices"),
                Spec = Get("spec", TextLimits.Name, "Specification"),
                Unit = Get("unit", TextLimits.Name, "UnitOfGoodsOrServices"),
                Quantity = Get("quantity", TextLimits.Identifier, "QuantityOfGoodsOrServices"),
                UnitPrice = Get("unitPrice", TextLimits.Identifier, "UnitPriceOfGoodsOrServices"),
                Amount = Get("amount", TextLimits.Identifier, "AmountExcludingTax"),
                TaxRate = Get("taxRate", TextLimits.Identifier, "TaxRate"),
                Tax = Get("tax", TextLimits.Identifier, "TaxAmount"),
            });
        }

        return lines.Count == 0 ? null : lines;
    }
}
