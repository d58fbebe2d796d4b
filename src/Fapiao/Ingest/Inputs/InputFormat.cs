namespace Fapiao.Ingest.Inputs;

/// <summary>The input formats of <c>fapiao ingest</c> in this version.</summary>
internal enum InputFormat
{
    Auto,
    Json,
    JsonLines,
    Qr,

    /// <summary>One invoice XML file (数电 EInvoice, edrm eInvoice or XBRL): one submission.</summary>
    Xml,

    /// <summary>One OFD file (a zip): one submission.</summary>
    Ofd,
}
