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

    /// <summary>A tax-platform export (or the ledger's own) as CSV: one invoice per row.</summary>
    Csv,

    /// <summary>The same as an XLSX workbook; read by a reader from Fapiao.Formats.</summary>
    Xlsx,

    /// <summary>A PDF e-invoice: its QR code gives the key, its text the rest (Fapiao.Formats).</summary>
    Pdf,

    /// <summary>A photo or scan (PNG, JPEG) of an invoice's QR code (Fapiao.Formats).</summary>
    Image,
}
