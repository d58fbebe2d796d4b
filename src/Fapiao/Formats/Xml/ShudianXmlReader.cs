using System.Xml.Linq;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Validation;

namespace Fapiao.Formats.Xml;

/// <summary>
/// Reads a 数电票 XML (root <c>EInvoice</c>, the e-voucher accounting data standard) into a draft:
/// key, type (<c>GeneralOrSpecialVAT</c> 01 special → 31, 02 ordinary → 32), issue date (the date
/// of <c>TaxSupervisionInfo/IssueTime</c>), parties, header totals, lines and remark. A red label
/// (<c>InIssuType</c> N) must come with negative amounts; the blue invoice it reverses is read
/// from the remark by the validator.
/// </summary>
internal static class ShudianXmlReader
{
    public const string RootName = "EInvoice";

    public static InvoiceDraft Read(XElement root, List<Problem> problems)
    {
        var header = root.Element("Header");
        var data = root.Element("EInvoiceData");
        var supervision = root.Element("TaxSupervisionInfo");
        var basic = data?.Element("BasicInformation");
        var seller = data?.Element("SellerInformation");
        var buyer = data?.Element("BuyerInformation");

        var draft = new InvoiceDraft
        {
            Number = Number(header, supervision, problems),
            Type = Type(header, problems),
            IssueDate = XmlValues.Date(XmlValues.Text(supervision?.Element("IssueTime"), "issueDate", TextLimits.Identifier, problems)),
            Seller = Party(seller, "Seller", "seller", problems),
            Buyer = Party(buyer, "Buyer", "buyer", problems),
            Amount = XmlValues.Text(basic?.Element("TotalAmWithoutTax"), "amount", TextLimits.Identifier, problems),
            Tax = XmlValues.Text(basic?.Element("TotalTaxAm"), "tax", TextLimits.Identifier, problems),
            Total = XmlValues.Text(basic?.Element("TotalTax-includedAmount"), "total", TextLimits.Identifier, problems),
            Remarks = XmlValues.Remarks(data?.Element("AdditionalInformation")?.Element("Remark")?.Value, "remarks", problems),
            Lines = Lines(data, problems),
        };
        CheckRedLabel(header, draft, problems);
        return draft;
    }

    private static string? Number(XElement? header, XElement? supervision, List<Problem> problems)
    {
        var eiid = XmlValues.Text(header?.Element("EIid"), "number", TextLimits.Identifier, problems);
        var supervised = XmlValues.Text(supervision?.Element("InvoiceNumber"), "number", TextLimits.Identifier, problems);
        if (eiid is not null && supervised is not null && !string.Equals(eiid, supervised, StringComparison.Ordinal))
        {
            problems.Add(Problem.Error(ErrorCodes.XmlInconsistent, "number", $"Header/EIid {eiid} and TaxSupervisionInfo/InvoiceNumber {supervised} differ."));
        }

        return eiid ?? supervised;
    }

    private static string? Type(XElement? header, List<Problem> problems)
    {
        var label = XmlValues.Text(header?.Descendants("GeneralOrSpecialVAT").FirstOrDefault()?.Element("LabelCode"), "type", TextLimits.Identifier, problems);
        switch (label)
        {
            case null:
                return null;
            case "01":
                return InvoiceType.ShudianSpecial.Code;
            case "02":
                return InvoiceType.ShudianOrdinary.Code;
            default:
                problems.Add(Problem.Error(ErrorCodes.TypeUnknown, "type", $"GeneralOrSpecialVAT/LabelCode \"{TextLimits.Printable(label)}\" is neither 01 (special) nor 02 (ordinary)."));
                return null;
        }
    }

    private static PartyDraft? Party(XElement? block, string prefix, string field, List<Problem> problems)
    {
        if (block is null)
        {
            return null;
        }

        return new PartyDraft
        {
            TaxId = XmlValues.Text(block.Element(prefix + "IdNum"), field + ".taxId", TextLimits.Identifier, problems),
            Name = XmlValues.Text(block.Element(prefix + "Name"), field + ".name", TextLimits.Name, problems),
        };
    }

    private static List<LineDraft>? Lines(XElement? data, List<Problem> problems)
    {
        if (data is null)
        {
            return null;
        }

        var lines = new List<LineDraft>();
        foreach (var item in data.Elements("IssuItemInformation"))
        {
            if (lines.Count == InvoiceJsonReader.MaxLines)
            {
                problems.Add(Problem.Error(ErrorCodes.LineLimit, "lines", $"More than {InvoiceJsonReader.MaxLines} lines."));
                break;
            }

            var path = $"lines[{lines.Count}]";
            lines.Add(new LineDraft
            {
                Name = XmlValues.Text(item.Element("ItemName"), path + ".name", TextLimits.Name, problems),
                Spec = XmlValues.Text(item.Element("SpecMod"), path + ".spec", TextLimits.Name, problems),
                Unit = XmlValues.Text(item.Element("MeaUnits"), path + ".unit", TextLimits.Name, problems),
                Quantity = XmlValues.Text(item.Element("Quantity"), path + ".quantity", TextLimits.Identifier, problems),
                UnitPrice = XmlValues.Text(item.Element("UnPrice"), path + ".unitPrice", TextLimits.Identifier, problems),
                Amount = XmlValues.Text(item.Element("Amount"), path + ".amount", TextLimits.Identifier, problems),
                TaxRate = XmlValues.Text(item.Element("TaxRate"), path + ".taxRate", TextLimits.Identifier, problems),
                Tax = XmlValues.Text(item.Element("ComTaxAm"), path + ".tax", TextLimits.Identifier, problems),
            });
        }

        return lines.Count == 0 ? null : lines;
    }

    /// <summary>The label and the signs must agree: a red label on positive amounts, or a blue one on a negative total, is a contradiction.</summary>
    private static void CheckRedLabel(XElement? header, InvoiceDraft draft, List<Problem> problems)
    {
        var label = header?.Descendants("InIssuType").FirstOrDefault()?.Element("LabelCode")?.Value.Trim();
        if (!Amounts.TryParseMoney(draft.Total ?? draft.Amount, out var total))
        {
            return;
        }

        if (label == "N" && total > 0)
        {
            problems.Add(Problem.Error(ErrorCodes.RedLetterSign, "total", "InIssuType/LabelCode N marks a red-letter invoice, but its amounts are positive."));
        }
        else if (label == "Y" && total < 0)
        {
            problems.Add(Problem.Error(ErrorCodes.XmlInconsistent, "total", "InIssuType/LabelCode Y marks a blue invoice, but its total is negative."));
        }
    }
}
