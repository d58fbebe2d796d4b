using System.Diagnostics;
using System.Text;

namespace Fapiao.Cli.Tests.Support;

/// <summary>Runs the real <c>fapiao</c> program as a child process, as a user or a script would.</summary>
internal static class FapiaoProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "fapiao.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static ProcessStartInfo StartInfo(string dataDir, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["FAPIAO_DATA"] = dataDir;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    public static async Task<Result> RunAsync(string dataDir, params string[] args) => await RunAsync(dataDir, null, args);

    public static async Task<Result> RunAsync(string dataDir, byte[]? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(dataDir, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs fapiao and samples its resident-memory high-water mark (VmHWM in /proc, which only
    /// grows) until it exits. A sample taken as the process exits is skipped, never an error.
    /// </summary>
    public static async Task<(Result Result, long PeakBytes)> RunSamplingPeakAsync(string dataDir, params string[] args)
    {
        using var process = Process.Start(StartInfo(dataDir, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        var status = $"/proc/{process.Id}/status";
        long peak = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(status));
            await Task.Delay(50, timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);
        return (new Result(process.ExitCode, await stdout, await stderr), peak);
    }

    private static long HighWaterMark(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise (the entry is gone or no longer ours).
        }

        return 0;
    }
}
