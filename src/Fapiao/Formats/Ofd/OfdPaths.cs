namespace Fapiao.Formats.Ofd;

/// <summary>Locations inside an OFD package: relative to the referring part's folder, or to the root when they start with '/'.</summary>
internal static class OfdPaths
{
    /// <summary>The entry name <paramref name="location"/> points to from <paramref name="folder"/>; null when it is empty or climbs out of the package.</summary>
    public static string? Resolve(string folder, string? location)
    {
        var loc = location?.Trim().Replace('\\', '/');
        if (string.IsNullOrEmpty(loc))
        {
            return null;
        }

        var segments = new List<string>();
        var full = loc[0] == '/' ? loc : folder + "/" + loc;
        foreach (var segment in full.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    /// <summary>The folder of an entry name ("" at the root).</summary>
    public static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
