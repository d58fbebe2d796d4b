namespace Fapiao.Reconciliation;

/// <summary>The temporary files a reconciliation spills to, named apart in the temp folder and all deleted on dispose.</summary>
internal sealed class TempFiles(string? folder, string extension) : IDisposable
{
    private readonly List<string> paths = [];

    /// <summary>How many files were named so far.</summary>
    public int Count => paths.Count;

    /// <summary>A fresh path in <paramref name="folder"/> (the system's temp folder when null).</summary>
    public static string PathIn(string? folder, string extension) =>
        Path.Combine(folder ?? Path.GetTempPath(), $"fapiao-reconcile-{Guid.NewGuid():N}.{extension}");

    /// <summary>A fresh path, deleted with the others on dispose.</summary>
    public string New()
    {
        var path = PathIn(folder, extension);
        paths.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A run file still open elsewhere is left for the temp folder's cleanup.
            }
        }

        paths.Clear();
    }
}
