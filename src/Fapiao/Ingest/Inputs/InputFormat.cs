namespace Fapiao.Ingest.Inputs;

/// <summary>The input formats of <c>fapiao ingest</c> in this version.</summary>
internal enum InputFormat
{
    Auto,
    Json,
    JsonLines,
    Qr,

    /// <summary>A PDF e-invoice: its QR code gives the key, its text the rest (Fapiao.Formats).</summary>
    Pdf,

    /// <summary>A photo or scan (PNG, JPEG) of an invoice's QR code (Fapiao.Formats).</summary>
    Image,
}
