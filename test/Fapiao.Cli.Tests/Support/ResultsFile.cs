using System.Diagnostics;

namespace Fapiao.Cli.Tests.Support;

/// <summary>The --results file of an ingest that is killed: waiting for its first line, reading the lines it completed.</summary>
internal static class ResultsFile
{
    /// <summary>Waits until the file has content or the process has ended (at most two minutes, a hang guard).</summary>
    public static async Task WaitForFirstLineAsync(string path, Process process)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited && !(File.Exists(path) && new FileInfo(path).Length > 0))
        {
            await Task.Delay(20);
        }
    }

    /// <summary>A kill may cut the last line short; only whole lines were ever reported.</summary>
    public static IEnumerable<string> CompleteLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
