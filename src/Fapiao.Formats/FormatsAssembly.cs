namespace Fapiao.Formats;

/// <summary>Marks the formats assembly (XLSX, PDF and image readers live here: they need packages the core must not).</summary>
internal static class FormatsAssembly
{
    public const string Name = "Fapiao.Formats";
}
