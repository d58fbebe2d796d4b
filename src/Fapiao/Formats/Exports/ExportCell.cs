using System.Globalization;

namespace Fapiao.Formats.Exports;

/// <summary>
/// One cell of an export table as it was stored: text (every CSV cell), or a spreadsheet's number
/// or date cell. Kept apart because a number cell holding an invoice number or tax ID has been
/// through floating point and must be refused, not read.
/// </summary>
internal readonly record struct ExportCell
{
    private ExportCell(string? text, double? number, DateTime? date)
    {
        Text = text;
        Number = number;
        Date = date;
    }

    public string? Text { get; }

    public double? Number { get; }

    public DateTime? Date { get; }

    public static ExportCell OfText(string? text) => new(text, null, null);

    public static ExportCell OfNumber(double number) => new(null, number, null);

    public static ExportCell OfDate(DateTime date) => new(null, null, date);

    /// <summary>True when the cell holds nothing but white space.</summary>
    public bool IsBlank => Number is null && Date is null && ExportText.Trim(Text).Length == 0;

    /// <summary>
    /// The cell as text: text trimmed, a number in its shortest exact form (<c>1060.5</c>), a date
    /// as <c>yyyy-MM-dd</c> (with the time when it has one).
    /// </summary>
    public override string ToString()
    {
        if (Number is { } n)
        {
            return n.ToString("R", CultureInfo.InvariantCulture);
        }

        if (Date is { } d)
        {
            return d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        return ExportText.Trim(Text);
    }
}
