namespace Fapiao.Tests.Support;

/// <summary>
/// The project's shared fixtures: <c>../shared/fixtures</c> beside the folder that holds
/// Fapiao.slnx, found by walking up from the test binaries.
/// </summary>
internal static class SharedFixtures
{
    /// <summary>The full path of a fixture file; throws when it is not there, so no test passes on nothing.</summary>
    public static string PathOf(params string[] parts)
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Fapiao.slnx")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            throw new InvalidOperationException($"No folder holding Fapiao.slnx above {AppContext.BaseDirectory}.");
        }

        string path = Path.GetFullPath(Path.Combine([folder.FullName, "..", "shared", "fixtures", .. parts]));
        return File.Exists(path) ? path : throw new FileNotFoundException($"Shared fixture missing: {path}", path);
    }

    /// <summary>The lines of a fixture file that are neither blank nor comments (#).</summary>
    public static IReadOnlyList<string> DataLines(params string[] parts) =>
        File.ReadLines(PathOf(parts))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
}
