namespace Fapiao.Formats.Exports;

/// <summary>
/// Where each known column sits in a table whose header row has been found. Columns may come in
/// any order; unknown columns are ignored; when a column is named twice the first one counts.
/// </summary>
internal sealed class ExportHeader
{
    /// <summary>A header names an invoice-number column and at least this many known columns in all.</summary>
    public const int MinKnownColumns = 3;

    private readonly int[] _index;

    private ExportHeader(int[] index)
    {
        _index = index;
        Missing = FindMissing();
    }

    /// <summary>The columns a row cannot be read without: a number, the kind and the date of issue.</summary>
    public IReadOnlyList<string> Missing { get; }

    private List<string> FindMissing()
    {
        var missing = new List<string>();
        if (!Has(ExportColumn.Number) && !Has(ExportColumn.ShudianNumber))
        {
            missing.Add("发票号码 / 数电发票号码");
        }

        if (!Has(ExportColumn.Type))
        {
            missing.Add("发票票种");
        }

        if (!Has(ExportColumn.IssueDate))
        {
            missing.Add("开票日期");
        }

        return missing;
    }

    public bool Has(ExportColumn column) => _index[(int)column] >= 0;

    /// <summary>The position of <paramref name="column"/> in a row, or -1 when the header has no such column.</summary>
    public int IndexOf(ExportColumn column) => _index[(int)column];

    /// <summary>The cell of <paramref name="column"/> in a row; blank when the column is absent or the row is short.</summary>
    public ExportCell Cell(IReadOnlyList<ExportCell> row, ExportColumn column)
    {
        var i = _index[(int)column];
        return i >= 0 && i < row.Count ? row[i] : default;
    }

    /// <summary>The header, when the row is one: it names a number column and enough known columns.</summary>
    public static ExportHeader? TryMatch(IReadOnlyList<ExportCell> row)
    {
        var index = new int[Enum.GetValues<ExportColumn>().Length];
        Array.Fill(index, -1);
        var known = 0;
        for (var i = 0; i < row.Count; i++)
        {
            if (row[i].Text is { } text && ExportColumns.TryFind(text, out var column) && index[(int)column] < 0)
            {
                index[(int)column] = i;
                known++;
            }
        }

        var header = new ExportHeader(index);
        return known >= MinKnownColumns && (header.Has(ExportColumn.Number) || header.Has(ExportColumn.ShudianNumber)) ? header : null;
    }
}
