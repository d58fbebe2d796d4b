namespace Fapiao.Cli.Tests.Support;

/// <summary>A data folder of its own for one test, removed afterwards.</summary>
public sealed class TempLedger : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("fapiao-cli-").FullName;

    public string Data => Path.Combine(Root, "data");

    public string File(string name) => Path.Combine(Root, name);

    internal Task<FapiaoProcess.Result> RunAsync(params string[] args) => FapiaoProcess.RunAsync(Data, args);

    internal Task<FapiaoProcess.Result> RunWithInputAsync(byte[] stdin, params string[] args) => FapiaoProcess.RunAsync(Data, stdin, args);

    internal async Task<TempLedger> InitAsync()
    {
        var init = await RunAsync("init");
        init.ExitCode.ShouldBe(0, init.Stderr);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
