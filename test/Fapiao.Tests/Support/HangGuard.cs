namespace Fapiao.Tests.Support;

/// <summary>
/// The bound a hostile-input test puts on wall time. It tells a loop or an expansion (billion
/// laughs, a zip bomb read to its end) from a finished refusal, never fast from slow: the suite
/// shares two cores with builds and a browser, so a refusal that takes seconds on a loaded
/// machine is still a pass. A parser without its bound runs for minutes or exhausts memory.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
}
