namespace Fapiao.Tests.Support;

/// <summary>
/// Tests that measure the process's managed heap run alone: a test running beside them would
/// allocate into the same heap and make the measurement say nothing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}
