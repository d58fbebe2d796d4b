namespace Fapiao.Formats.Tests;

public sealed class FormatsAssemblyTests
{
    [Fact]
    public void Name_IsTheAssemblysOwnName() =>
        typeof(FormatsAssembly).Assembly.GetName().Name.ShouldBe(FormatsAssembly.Name);
}
