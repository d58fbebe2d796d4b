using System.Globalization;
using System.Net;
using System.Text;

namespace Fapiao.Reconciliation;

/// <summary>
/// The report as one self-contained HTML page, in Chinese and English: a summary with its charts
/// drawn as inline SVG (no script, no outside file), then each class as a table. Every value from
/// the inputs is HTML-escaped: a file's text can never become markup.
/// </summary>
internal static class ReconciliationHtml
{
    private static readonly (string Name, string Chinese, string English, string Colour)[] Classes =
    [
        ("matched", "一致", "matched", "#3a7d44"),
        (DifferenceClasses.Mismatched, "不一致", "mismatched", "#d08c00"),
        (DifferenceClasses.MissingInLedger, "账本缺失", "missing in ledger", "#c0392b"),
        (DifferenceClasses.MissingInOther, "对方缺失", "missing in other", "#8e44ad"),
        (DifferenceClasses.Duplicate, "重复", "duplicates", "#2c6e9b"),
    ];

    public static void Write(Stream stream, ReconciliationResult result, DateTimeOffset at)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>对账报告 Reconciliation report</title>");
        w.WriteLine("<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0 2em}"
            + "th,td{border:1px solid #ccc;padding:0.2em 0.5em;text-align:left;font-variant-numeric:tabular-nums}th{background:#f3f3f3}"
            + ".agree{color:#3a7d44}.differ{color:#c0392b}small{color:#666}</style></head><body>");
        w.WriteLine("<h1>对账报告 <small>Reconciliation report</small></h1>");
        w.WriteLine($"<p>生成于 Generated {E(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}"
            + (result.Period is { } p ? $" · 期间 Period {E(p.ToString())}" : "") + "</p>");
        w.WriteLine(result.Agrees
            ? "<p class=\"agree\"><strong>双方一致 · Both sides agree.</strong></p>"
            : "<p class=\"differ\"><strong>双方不一致 · The sides differ.</strong></p>");

        w.WriteLine("<h2>概要 <small>Summary</small></h2>");
        w.WriteLine("<table><tr><th>方 Side</th><th>名称 Name</th><th>行数 Rows</th><th>无法读取 Unreadable</th><th>SHA-256</th></tr>");
        foreach (var (label, side) in new[] { ("左 Left", result.Left), ("右 Right", result.Right) })
        {
            w.WriteLine($"<tr><td>{label}</td><td>{E(side.Name)}</td><td>{N(side.Count)}</td><td>{N(side.Unreadable)}</td><td><code>{E(side.Sha256)}</code></td></tr>");
        }

        w.WriteLine("</table>");
        var counts = Counts(result);
        w.WriteLine("<table><tr><th>类别 Class</th><th>数量 Count</th></tr>");
        foreach (var (name, chinese, english, _) in Classes)
        {
            w.WriteLine($"<tr><td>{chinese} <small>{english}</small></td><td>{N(counts[name])}</td></tr>");
        }

        w.WriteLine($"<tr><td>建议 <small>suggestions</small></td><td>{N(result.Suggestions.Count)}</td></tr></table>");
        BarChart(w, counts);
        SideChart(w, result);

        foreach (var (name, chinese, header, rows) in ReportRows.Tables(result))
        {
            w.WriteLine($"<h2 id=\"{name}\">{chinese} <small>{E(name)}</small></h2>");
            w.WriteLine("<table><tr>" + string.Concat(header.Select(h => $"<th>{E(h)}</th>")) + "</tr>");
            var any = false;
            foreach (var row in rows)
            {
                any = true;
                w.WriteLine("<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>");
            }

            if (!any)
            {
                w.WriteLine($"<tr><td colspan=\"{header.Length}\">无 · none</td></tr>");
            }

            w.WriteLine("</table>");
        }

        w.WriteLine("</body></html>");
    }

    private static Dictionary<string, long> Counts(ReconciliationResult r) => new(StringComparer.Ordinal)
    {
        ["matched"] = r.Matched,
        [DifferenceClasses.Mismatched] = r.Mismatched.Count,
        [DifferenceClasses.MissingInLedger] = r.MissingInLedger.Count,
        [DifferenceClasses.MissingInOther] = r.MissingInOther.Count,
        [DifferenceClasses.Duplicate] = r.Duplicates.Count,
    };

    /// <summary>One horizontal bar per class, on a logarithmic scale so a few differences beside a million matches stay visible.</summary>
    private static void BarChart(StreamWriter w, Dictionary<string, long> counts)
    {
        const int Width = 420;
        const int Bar = 22;
        var max = Math.Log10(Math.Max(10, counts.Values.Max()) + 1);
        w.WriteLine($"<svg role=\"img\" aria-label=\"counts by class\" width=\"{Width + 260}\" height=\"{(Classes.Length * (Bar + 8)) + 10}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < Classes.Length; i++)
        {
            var (name, chinese, english, colour) = Classes[i];
            var length = counts[name] == 0 ? 0 : Math.Max(2, (int)(Width * Math.Log10(counts[name] + 1) / max));
            var y = 5 + (i * (Bar + 8));
            w.WriteLine($"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{chinese} {english}</text>");
            w.WriteLine($"<rect x=\"160\" y=\"{y}\" width=\"{length}\" height=\"{Bar}\" fill=\"{colour}\"/>");
            w.WriteLine($"<text x=\"{165 + length}\" y=\"{y + 16}\" font-size=\"13\">{N(counts[name])}</text>");
        }

        w.WriteLine("</svg>");
    }

    /// <summary>Each side's rows as one stacked bar: how much of it matched, differed or is missing on the other side.</summary>
    private static void SideChart(StreamWriter w, ReconciliationResult r)
    {
        const int Width = 500;
        w.WriteLine($"<svg role=\"img\" aria-label=\"each side's rows\" width=\"{Width + 120}\" height=\"80\" xmlns=\"http://www.w3.org/2000/svg\">");
        var sides = new[]
        {
            ("左 Left", r.Left.Count, new[] { (r.Matched, "#3a7d44"), (r.Mismatched.Count, "#d08c00"), (r.MissingInOther.Count, "#8e44ad"), (r.Duplicates.Sum(d => (long)d.Left.Count), "#2c6e9b") }),
            ("右 Right", r.Right.Count, new[] { (r.Matched, "#3a7d44"), (r.Mismatched.Count, "#d08c00"), (r.MissingInLedger.Count, "#c0392b"), (r.Duplicates.Sum(d => (long)d.Right.Count), "#2c6e9b") }),
        };
        for (var i = 0; i < sides.Length; i++)
        {
            var (label, total, parts) = sides[i];
            var y = 8 + (i * 36);
            w.WriteLine($"<text x=\"0\" y=\"{y + 17}\" font-size=\"13\">{label}</text>");
            double x = 100;
            foreach (var (count, colour) in parts)
            {
                var width = total == 0 ? 0 : Width * (double)count / total;
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{width:0.##}\" height=\"24\" fill=\"{colour}\"/>"));
                x += width;
            }
        }

        w.WriteLine("</svg>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
