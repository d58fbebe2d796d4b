namespace Fapiao.Web.Tests.Support;

/// <summary>
/// Tests that read exact figures from /metrics run alone: OpenTelemetry listens to every meter of
/// the process by name, so a service started by a test running beside them would add its figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
