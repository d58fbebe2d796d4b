namespace Fapiao.Originals;

/// <summary>
/// Where an event or a quarantined item came from: the kept original file (its SHA-256, lower-case
/// hex) and the place in it — <c>line:N</c> (JSON, JSON Lines, QR text), <c>row:N</c> (CSV, XLSX),
/// <c>entry:PATH</c> (the OFD part the invoice was read from), <c>xpath:/</c> (a whole XML
/// document), <c>page:N</c> (the PDF page of the QR code) or <c>file</c> (the whole file: an image, a file refused unread).
/// Part of the event bytes, so the Merkle tree covers it.
/// </summary>
internal sealed record OriginalRef(string Sha256, string Place)
{
    public override string ToString() => $"{Sha256}@{Place}";

    /// <summary>Writes <c>"original":{"sha256","place"}</c>: the one shape events, show and quarantine JSON share.</summary>
    public void WriteProperty(System.Text.Json.Utf8JsonWriter w)
    {
        w.WriteStartObject("original");
        w.WriteString("sha256", Sha256);
        w.WriteString("place", Place);
        w.WriteEndObject();
    }
}
