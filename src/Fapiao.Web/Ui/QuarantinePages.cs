using System.Globalization;
using System.Text;
using Fapiao.Accounts;
using Fapiao.Storage;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Ui;

/// <summary>The quarantine: a list in id order, and one item with every problem and its bytes shown escaped.</summary>
internal static class QuarantinePages
{
    public const int PageSize = 50;

    /// <summary>At most this many of the kept bytes are shown on the page.</summary>
    public const int ShownBytes = 64 * 1024;

    public static async Task<IResult> ListAsync(UiRequest ui, LedgerService ledger, long? after, CancellationToken ct)
    {
        var t = ui.T;
        var items = await ledger.QuarantineAsync(ui.Caller!, after ?? 0, PageSize, ct).ConfigureAwait(false);
        var rows = items.Select(i => Html.Of($"""
            <tr><td><a href="/quarantine/{i.Id}">#{i.Id}</a></td><td>{Time(i.At)}</td><td><code>{i.Source}</code></td><td>{i.Outcome}</td><td><code>{i.Key ?? "—"}</code></td><td>{string.Join(", ", i.Problems.Select(p => p.Code).Distinct())}</td></tr>
            """));
        var next = items.Count == PageSize ? Html.Of($"<p><a href=\"/quarantine?after={items[^1].Id}\">{t[Msg.NextPage]}</a></p>") : Markup.Empty;
        var body = items.Count == 0 && after is null
            ? Html.Of($"<p>{t[Msg.QuarantineEmpty]}</p>")
            : Html.Of($"""
                <div class="scroll"><table id="quarantine">
                <caption>{t[Msg.QuarantineTitle]}</caption>
                <thead><tr><th scope="col">{t[Msg.Id]}</th><th scope="col">{t[Msg.At]}</th><th scope="col">{t[Msg.Source]}</th><th scope="col">{t[Msg.Outcome]}</th><th scope="col">{t[Msg.Key]}</th><th scope="col">{t[Msg.Code]}</th></tr></thead>
                <tbody>{Html.Join(rows)}</tbody>
                </table></div>
                {next}
                """);
        return ui.Page(t[Msg.QuarantineTitle], Html.Of($"""
            <h1>{t[Msg.QuarantineTitle]}</h1>
            <p>{t[Msg.QuarantineIntro]}</p>
            {body}
            """));
    }

    public static async Task<IResult> ItemAsync(UiRequest ui, LedgerService ledger, long id, CancellationToken ct)
    {
        var t = ui.T;
        if (await ledger.QuarantineItemAsync(ui.Caller!, id, ct).ConfigureAwait(false) is not { } item)
        {
            return ui.NotFound();
        }

        var shown = item.Raw.AsSpan(0, Math.Min(item.Raw.Length, ShownBytes));
        var truncated = item.RawTruncated || shown.Length < item.Raw.Length;
        return ui.Page(t.Format(Msg.QuarantineItemTitle, item.Id), Html.Of($"""
            <h1>{t.Format(Msg.QuarantineItemTitle, item.Id)}</h1>
            <dl class="facts">
            <dt>{t[Msg.At]}</dt><dd>{Time(item.At)}</dd>
            <dt>{t[Msg.Source]}</dt><dd><code>{item.Source}</code></dd>
            <dt>{t[Msg.Outcome]}</dt><dd>{item.Outcome}</dd>
            <dt>{t[Msg.Actor]}</dt><dd><code>{item.Actor}</code></dd>
            <dt>{t[Msg.Key]}</dt><dd><code>{item.Key ?? "—"}</code></dd>
            </dl>
            <section aria-labelledby="p-h"><h2 id="p-h">{t[Msg.Problems]}</h2>
            {ui.ProblemTable(item.Problems, t[Msg.Problems])}
            </section>
            <section aria-labelledby="b-h"><h2 id="b-h">{t[Msg.SubmittedBytes]}</h2>
            <p>{t.Format(Msg.BytesNote, item.RawLength, Convert.ToHexStringLower(item.RawSha256))}</p>
            {Html.If(truncated, Html.Of($"<p>{t.Format(Msg.BytesTruncated, shown.Length)}</p>"))}
            <pre class="raw" id="raw" tabindex="0">{Escaped(shown)}</pre>
            </section>
            <p><a href="/quarantine">{t[Msg.QuarantineTitle]}</a></p>
            """));
    }

    /// <summary>
    /// The bytes as text: valid UTF-8 as it is (newlines and tabs kept), every other byte and every
    /// control character as <c>\xNN</c>, every invisible formatting character as <c>\u{XXXX}</c>, and backslashes doubled so the two cannot be confused.
    /// The result is still text: the page encodes it like any other value.
    /// </summary>
    public static string Escaped(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{bytes[0]:X2}");
                bytes = bytes[1..];
                continue;
            }

            if (rune.Value == '\\')
            {
                sb.Append("\\\\");
            }
            else if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t' or '\r'))
            {
                foreach (var b in bytes[..consumed])
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
                }
            }
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                // Invisible formatting (bidi overrides, zero-width joiners) is named, not applied.
                sb.Append(CultureInfo.InvariantCulture, $"\\u{{{rune.Value:X4}}}");
            }
            else
            {
                sb.Append(rune.ToString());
            }

            bytes = bytes[consumed..];
        }

        return sb.ToString();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
