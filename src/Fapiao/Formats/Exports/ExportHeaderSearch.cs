namespace Fapiao.Formats.Exports;

/// <summary>
/// The search for a table's header row among its first <see cref="ExportTable.HeaderSearchRows"/>
/// rows, one row at a time, so that a reader can switch to its own row handling once the header is
/// found. Rows before the header are titles; a row that could not be read at all is refused.
/// </summary>
internal sealed class ExportHeaderSearch
{
    private TableRow? first;
    private int searched;
    private bool gaveUp;

    /// <summary>The header, once found.</summary>
    public ExportHeader? Header { get; private set; }

    /// <summary>
    /// Takes one row before the header: gives the row to refuse, if any (unreadable, or the header
    /// not found in time, when <paramref name="stop"/> says no later row can be read).
    /// </summary>
    public InputRow? Feed(TableRow row, out bool stop)
    {
        stop = false;
        first ??= row;
        if (row.Cells is null)
        {
            // A row that could not be read at all (too long, undecodable, a damaged sheet) is refused wherever it is.
            return new InputRow(row.Number, row.Raw, row.RawLength, row.RawSha256, null, row.Problems);
        }

        if (row.Problems.Count == 0)
        {
            Header = ExportHeader.TryMatch(row.Cells);
        }

        if (Header is null && ++searched == ExportTable.HeaderSearchRows)
        {
            stop = gaveUp = true;
            return ExportTable.HeaderNotFound(first);
        }

        return null;
    }

    /// <summary>At the end of the rows: the refusal when no header was found (and not already given).</summary>
    public InputRow? Finish() => Header is null && !gaveUp ? ExportTable.HeaderNotFound(first) : null;
}
