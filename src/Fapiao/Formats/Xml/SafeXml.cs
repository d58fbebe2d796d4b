using System.Xml;
using System.Xml.Linq;
using Fapiao.Validation;

namespace Fapiao.Formats.Xml;

/// <summary>
/// Loads untrusted XML into a tree, with bounds: no DTD (refused with <c>xml.dtd</c>, never
/// processed, so no external entity is fetched and no entity expands), no resolver, a depth
/// limit, a node limit and a size limit. Names keep only their local part: invoice files in the
/// wild use odd, undeclared or empty prefixes (<c>&lt;:eInvoice xmlns:=""&gt;</c>), and every
/// reader here matches by local name. Never throws on bad input.
/// </summary>
internal static class SafeXml
{
    /// <summary>Invoice XML nests about six levels, OFD page content about eight.</summary>
    public const int MaxDepth = 64;

    /// <summary>Elements, attributes and text nodes together.</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Characters of one XML document once decoded.</summary>
    public const int MaxCharacters = 16 << 20;

    public static XElement? Load(ReadOnlySpan<byte> bytes, string place, List<Problem> problems)
    {
        if (bytes.Length > MaxCharacters * 2)
        {
            problems.Add(Problem.Error(ErrorCodes.XmlTooLarge, place, $"The XML part is {bytes.Length} bytes; the limit is {MaxCharacters * 2}."));
            return null;
        }

        var text = XmlText.Decode(bytes, place, problems);
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxCharacters)
        {
            problems.Add(Problem.Error(ErrorCodes.XmlTooLarge, place, $"The XML part is {text.Length} characters; the limit is {MaxCharacters}."));
            return null;
        }

        using var reader = new XmlTextReader(new StringReader(text))
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            Namespaces = false,
            Normalization = true,
            WhitespaceHandling = WhitespaceHandling.Significant,
        };
        try
        {
            return Build(reader, place, problems);
        }
        catch (XmlException ex)
        {
            var dtd = text.Contains("<!DOCTYPE", StringComparison.Ordinal);
            problems.Add(Problem.Error(
                dtd ? ErrorCodes.XmlDtd : ErrorCodes.XmlSyntax,
                $"{place}@{ex.LineNumber}:{ex.LinePosition}",
                dtd ? "The XML has a document type declaration (DTD): refused, never processed (it could fetch files or expand entities)."
                    : $"Malformed XML at line {ex.LineNumber}, column {ex.LinePosition}: {TextLimits.Printable(ex.Message)}"));
            return null;
        }
    }

    private static XElement? Build(XmlTextReader reader, string place, List<Problem> problems)
    {
        var open = new Stack<XElement>();
        XElement? root = null;
        var nodes = 0;
        while (reader.Read())
        {
            if (++nodes > MaxNodes)
            {
                problems.Add(Problem.Error(ErrorCodes.XmlTooLarge, $"{place}@{reader.LineNumber}:{reader.LinePosition}", $"The XML part has more than {MaxNodes} nodes."));
                return null;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= MaxDepth)
                    {
                        problems.Add(Problem.Error(ErrorCodes.XmlDepth, $"{place}@{reader.LineNumber}:{reader.LinePosition}", $"The XML nests deeper than {MaxDepth} levels."));
                        return null;
                    }

                    var element = new XElement(LocalName(reader.Name));
                    nodes += reader.AttributeCount;
                    while (reader.MoveToNextAttribute())
                    {
                        element.SetAttributeValue(LocalName(reader.Name), reader.Value);
                    }

                    reader.MoveToElement();
                    if (open.TryPeek(out var parent))
                    {
                        parent.Add(element);
                    }
                    else
                    {
                        root = element;
                    }

                    if (!reader.IsEmptyElement)
                    {
                        open.Push(element);
                    }

                    break;
                case XmlNodeType.EntityReference:
                    // Without a DTD only the five predefined entities exist: any other is an error, never expanded.
                    problems.Add(Problem.Error(ErrorCodes.XmlSyntax, $"{place}@{reader.LineNumber}:{reader.LinePosition}", $"Reference to the undeclared entity &{TextLimits.Printable(reader.Name)};."));
                    return null;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (open.TryPeek(out var holder))
                    {
                        holder.Add(new XText(reader.Value));
                    }

                    break;
            }
        }

        if (root is null)
        {
            problems.Add(Problem.Error(ErrorCodes.XmlSyntax, place, "The XML has no root element."));
        }

        return root;
    }

    /// <summary>The part after the last colon, made a valid XML name (an empty or odd local part becomes "_").</summary>
    private static XName LocalName(string name)
    {
        var local = name[(name.LastIndexOf(':') + 1)..];
        if (local.Length == 0)
        {
            return "_";
        }

        try
        {
            return XmlConvert.VerifyNCName(local);
        }
        catch (XmlException)
        {
            return "_";
        }
    }
}
