using System.Xml.Linq;
using Fapiao.Formats.Xml;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// What an OFD's first document points to, found by following <c>OFD.xml</c> → <c>DocRoot</c>
/// → <c>Document.xml</c>: its pages and template pages, its attachment list and its custom tag
/// list (each an entry name, null when the document has none).
/// </summary>
internal sealed record OfdDocument(IReadOnlyList<string> Pages, IReadOnlyList<string> Templates, string? Attachments, string? CustomTags)
{
    public const string EntryPart = "OFD.xml";

    public static OfdDocument? Load(OfdPackage package, List<Problem> problems)
    {
        var ofd = LoadXml(package, EntryPart, problems);
        if (ofd is null)
        {
            if (!package.Failed && !problems.Exists(p => p.IsError))
            {
                problems.Add(Problem.Error(ErrorCodes.OfdLayoutUnknown, "$", "The zip has no OFD.xml: it is not an OFD file."));
            }

            return null;
        }

        var docRoot = OfdPaths.Resolve("", ofd.Descendants("DocRoot").FirstOrDefault()?.Value);
        var document = docRoot is null ? null : LoadXml(package, docRoot, problems);
        if (document is null)
        {
            if (!package.Failed && !problems.Exists(p => p.IsError))
            {
                problems.Add(Problem.Error(ErrorCodes.OfdLayoutUnknown, EntryPart, "OFD.xml names no readable document (DocRoot)."));
            }

            return null;
        }

        var folder = OfdPaths.FolderOf(docRoot!);
        return new OfdDocument(
            Locations(document, "Page", folder),
            Locations(document, "TemplatePage", folder),
            OfdPaths.Resolve(folder, document.Element("Attachments")?.Value),
            OfdPaths.Resolve(folder, document.Element("CustomTags")?.Value));
    }

    /// <summary>A part parsed as XML; null when absent or refused (then with its problem).</summary>
    public static XElement? LoadXml(OfdPackage package, string path, List<Problem> problems) =>
        package.Read(path, problems) is { } bytes ? SafeXml.Load(bytes, path, problems) : null;

    private static List<string> Locations(XElement document, string name, string folder) =>
        document.Descendants(name)
            .Select(e => OfdPaths.Resolve(folder, (string?)e.Attribute("BaseLoc")))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
