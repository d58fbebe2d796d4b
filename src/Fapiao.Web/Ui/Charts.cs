using System.Globalization;

namespace Fapiao.Web.Ui;

/// <summary>
/// Charts as inline SVG (no script, no image request), each in a figure with a caption and its
/// figures as a table beside it, so a screen reader or a text browser gets the same data.
/// </summary>
internal static class Charts
{
    private const int Width = 600;

    /// <summary>One horizontal bar per item, labelled, with its count at the end.</summary>
    public static Markup Bars(string id, string caption, string labelHeader, IReadOnlyList<(string Label, long Count)> data, UiText t)
    {
        const int row = 28;
        const int labelWidth = 190;
        var max = Math.Max(1, data.Count == 0 ? 1 : data.Max(d => d.Count));
        var height = Math.Max(row, data.Count * row);
        var bars = data.Select((d, i) =>
        {
            var y = i * row;
            var w = d.Count == 0 ? 0 : Math.Max(2, (int)((Width - labelWidth - 60) * d.Count / max));
            return Html.Of($"""
                <text x="0" y="{y + 19}" class="label">{d.Label}</text>
                <rect x="{labelWidth}" y="{y + 5}" width="{w}" height="{row - 10}" class="bar"></rect>
                <text x="{labelWidth + w + 6}" y="{y + 19}" class="value">{d.Count}</text>
                """);
        });
        return Figure(id, caption, labelHeader, data, t, Html.Of($"""
            <svg viewBox="0 0 {Width} {height}" role="img" aria-labelledby="{id}-title" preserveAspectRatio="xMinYMin meet">
            <title id="{id}-title">{caption}</title>
            {Html.Join(bars)}
            </svg>
            """));
    }

    /// <summary>One column per item (days), with the first and last labels under the axis.</summary>
    public static Markup Columns(string id, string caption, string labelHeader, IReadOnlyList<(string Label, long Count)> data, UiText t)
    {
        const int height = 200;
        const int axis = 170;
        var max = Math.Max(1, data.Count == 0 ? 1 : data.Max(d => d.Count));
        var step = data.Count == 0 ? Width : (double)Width / data.Count;
        var columns = data.Select((d, i) =>
        {
            var h = (int)((axis - 20) * d.Count / max);
            var x = (i * step) + 1;
            return Html.Of($"<rect x=\"{x.ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{axis - h}\" width=\"{Math.Max(1, step - 2).ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"{h}\" class=\"bar\"><title>{d.Label}: {d.Count}</title></rect>");
        });
        var ends = data.Count == 0 ? Markup.Empty : Html.Of($"""
            <text x="0" y="{height - 8}" class="label">{data[0].Label}</text>
            <text x="{Width}" y="{height - 8}" class="label end">{data[^1].Label}</text>
            <text x="0" y="14" class="value">{max}</text>
            """);
        return Figure(id, caption, labelHeader, data, t, Html.Of($"""
            <svg viewBox="0 0 {Width} {height}" role="img" aria-labelledby="{id}-title" preserveAspectRatio="xMinYMin meet">
            <title id="{id}-title">{caption}</title>
            <line x1="0" y1="{axis}" x2="{Width}" y2="{axis}" class="axis"></line>
            {Html.Join(columns)}
            {ends}
            </svg>
            """));
    }

    private static Markup Figure(string id, string caption, string labelHeader, IReadOnlyList<(string Label, long Count)> data, UiText t, Markup svg) => Html.Of($"""
        <figure class="chart" id="{id}">
        <figcaption>{caption}</figcaption>
        {(data.Count == 0 ? Html.Of($"<p>{t[Msg.NoData]}</p>") : svg)}
        {Html.If(data.Count > 0, Html.Of($"""
            <details><summary>{t[Msg.ChartAsTable]}</summary>
            <div class="scroll"><table><caption>{caption}</caption>
            <thead><tr><th scope="col">{labelHeader}</th><th scope="col">{t[Msg.Count]}</th></tr></thead>
            <tbody>{Html.Join(data.Select(d => Html.Of($"<tr><td>{d.Label}</td><td class=\"num\">{d.Count}</td></tr>")))}</tbody>
            </table></div></details>
            """))}
        </figure>
        """);
}
