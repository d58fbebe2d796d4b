namespace Fapiao.Cli;

/// <summary>A failure the user can act on: a clear message and the exit code that goes with it.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
