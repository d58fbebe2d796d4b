namespace Fapiao.Formats;

/// <summary>Upper bounds on text fields, so hostile input cannot make records of unbounded size.</summary>
internal static class TextLimits
{
    public const int Identifier = 64;
    public const int Name = 300;
    public const int Remarks = 4_000;
}
