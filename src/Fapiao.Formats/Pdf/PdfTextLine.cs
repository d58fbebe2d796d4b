namespace Fapiao.Formats.Pdf;

/// <summary>A word of a page and where it stands, in points from the left.</summary>
internal sealed record PdfWord(string Text, double Left, double Right)
{
    public double Centre => (Left + Right) / 2;
}

/// <summary>The words of one text line of a page, left to right.</summary>
internal sealed record PdfTextLine(IReadOnlyList<PdfWord> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));
}
