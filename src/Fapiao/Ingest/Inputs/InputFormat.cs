namespace Fapiao.Ingest.Inputs;

/// <summary>The input formats of <c>fapiao ingest</c> in this version.</summary>
internal enum InputFormat
{
    Auto,
    Json,
    JsonLines,
    Qr,
}
