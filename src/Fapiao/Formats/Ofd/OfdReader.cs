using System.Text;
using System.Xml.Linq;
using Fapiao.Formats.Xml;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// Reads the invoice out of an OFD file (GB/T 33190), trying the three ways real files carry it:
/// an edrm <c>eInvoice</c> attachment (legacy e-invoices), an XBRL attachment, and custom tags
/// whose ObjectRefs point at text objects of the pages (数电票). The file is untrusted: the zip is
/// opened by <see cref="OfdPackage"/> and every part parsed by <see cref="Xml.SafeXml"/>. Never
/// throws on bad input.
/// </summary>
internal static class OfdReader
{
    /// <summary>An OFD invoice is tens of kilobytes; a file above this is refused unread.</summary>
    public const int MaxFileBytes = 32 << 20;

    public static OfdInvoice? Read(byte[] bytes, List<Problem> problems)
    {
        using var package = OfdPackage.Open(bytes, problems);
        if (package is null || OfdDocument.Load(package, problems) is not { } document)
        {
            return null;
        }

        var found = FromAttachments(package, document, problems);
        if (found is null && !package.Failed)
        {
            found = FromCustomTags(package, document, problems);
        }

        if (found is null && !package.Failed && !problems.Exists(p => p.IsError))
        {
            problems.Add(Problem.Error(ErrorCodes.OfdLayoutUnknown, "$", "The OFD carries no invoice data this version reads: no eInvoice or XBRL attachment, no custom tags pointing into the pages."));
        }

        return found;
    }

    private static OfdInvoice? FromAttachments(OfdPackage package, OfdDocument document, List<Problem> problems)
    {
        foreach (var (part, root) in ListedParts(package, document.Attachments, problems))
        {
            if (InvoiceXml.Read(root, problems) is { } draft)
            {
                return new OfdInvoice(draft, part);
            }
        }

        return null;
    }

    private static OfdInvoice? FromCustomTags(OfdPackage package, OfdDocument document, List<Problem> problems)
    {
        foreach (var (part, tags) in ListedParts(package, document.CustomTags, problems))
        {
            if (!tags.Descendants("ObjectRef").Any())
            {
                continue;
            }

            var errors = problems.Count(p => p.IsError);
            var pages = PageText.Load(package, document.Pages, problems);
            var templates = PageText.Load(package, document.Templates, problems);
            if (package.Failed || problems.Count(p => p.IsError) > errors)
            {
                // A page that cannot be read leaves every value it holds unknown: its own error says why.
                return null;
            }

            var draft = InvoiceFieldMap.Read(tags, (element, field) => pages.Resolve(element, field, part, problems), problems);
            draft.Type = templates.Texts.Concat(pages.Texts).Select(OfdInvoiceTypes.FromName).FirstOrDefault(t => t is not null)
                ?? OfdInvoiceTypes.FromLegacyCode(draft.Code);
            return new OfdInvoice(draft, part);
        }

        return null;
    }

    /// <summary>
    /// The XML parts a list part (Attachments.xml, CustomTags.xml) names in its FileLoc elements,
    /// parsed, in order; parts that are missing or broken are skipped (a broken one with its
    /// problem), and nothing more once the package refused a part.
    /// </summary>
    private static IEnumerable<(string Part, XElement Root)> ListedParts(OfdPackage package, string? listPart, List<Problem> problems)
    {
        if (listPart is null || OfdDocument.LoadXml(package, listPart, problems) is not { } list)
        {
            yield break;
        }

        var folder = OfdPaths.FolderOf(listPart);
        foreach (var location in list.Descendants("FileLoc"))
        {
            if (package.Failed)
            {
                yield break;
            }

            if (OfdPaths.Resolve(folder, location.Value) is { } part && OfdDocument.LoadXml(package, part, problems) is { } root)
            {
                yield return (part, root);
            }
        }
    }

    /// <summary>The text objects of some pages by ID, each the text of its TextCode runs together.</summary>
    private sealed class PageText
    {
        private readonly Dictionary<string, string> byId = new(StringComparer.Ordinal);

        public IEnumerable<string> Texts => byId.Values;

        public static PageText Load(OfdPackage package, IReadOnlyList<string> parts, List<Problem> problems)
        {
            var text = new PageText();
            foreach (var part in parts)
            {
                if (OfdDocument.LoadXml(package, part, problems) is not { } page)
                {
                    continue;
                }

                foreach (var textObject in page.Descendants("TextObject"))
                {
                    if ((string?)textObject.Attribute("ID") is { } id)
                    {
                        text.byId.TryAdd(id.Trim(), string.Concat(textObject.Elements("TextCode").Select(c => c.Value)));
                    }
                }
            }

            return text;
        }

        /// <summary>The text of a tag's ObjectRefs, run together (a value may be printed as several objects: "¥" and "4197.17").</summary>
        public string? Resolve(XElement tag, string field, string part, List<Problem> problems)
        {
            var refs = tag.Elements("ObjectRef").ToList();
            if (refs.Count == 0)
            {
                return null;
            }

            var value = new StringBuilder();
            foreach (var reference in refs)
            {
                if (!byId.TryGetValue(reference.Value.Trim(), out var text))
                {
                    problems.Add(Problem.Error(ErrorCodes.OfdMissingField, field, $"{part} points {field} at text object \"{TextLimits.Printable(reference.Value.Trim())}\", which no page holds."));
                    return null;
                }

                value.Append(text);
            }

            return value.ToString();
        }
    }
}
