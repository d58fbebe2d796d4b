using Fapiao.Validation;

namespace Fapiao.Formats.Exports;

/// <summary>
/// A platform export as a table, whichever reader read its cells: finds the header row among the
/// first <see cref="HeaderSearchRows"/> rows (a title row may come first), then maps every later
/// row to a draft. Rows before the header are titles and are not invoices; blank rows are skipped;
/// a row that could not be read at all is refused wherever it stands.
/// </summary>
internal static class ExportTable
{
    public const int HeaderSearchRows = 20;

    public static IEnumerable<InputRow> Read(IEnumerable<TableRow> rows)
    {
        var search = new ExportHeaderSearch();
        foreach (var row in rows)
        {
            if (search.Header is not { } header)
            {
                if (search.Feed(row, out var stop) is { } refused)
                {
                    yield return refused;
                }

                if (stop)
                {
                    yield break;
                }

                continue;
            }

            if (ReadRow(header, row) is { } read)
            {
                yield return read;
            }
        }

        if (search.Finish() is { } notFound)
        {
            yield return notFound;
        }
    }

    /// <summary>One row after the header: mapped to a draft, or null for a blank row (skipped).</summary>
    public static InputRow? ReadRow(ExportHeader header, TableRow row)
    {
        if (row.Cells is { } rowCells && rowCells.All(c => c.IsBlank) && row.Problems.Count == 0)
        {
            return null;
        }

        var problems = row.Problems;
        var draft = row.Cells is null ? null : ExportRowMapper.Map(header, row.Cells, problems);
        return new InputRow(row.Number, row.Raw, row.RawLength, row.RawSha256, draft, problems);
    }

    /// <summary>Without a header no row can be read: the file is refused as one item, keeping its first row.</summary>
    internal static InputRow HeaderNotFound(TableRow? first) => new(
        first?.Number ?? 1,
        first?.Raw ?? [],
        first?.Raw.LongLength ?? 0,
        null,
        null,
        [Problem.Error(ErrorCodes.CsvHeaderNotFound, "$", $"No header row among the first {HeaderSearchRows} rows: a header names 发票号码 or 数电发票号码 and at least {ExportHeader.MinKnownColumns} known columns (发票代码, 开票日期, 发票票种, 金额, …).")]);
}
