using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Fapiao.Web.Ui;

/// <summary>
/// Strict HTML writing: in <c>Html.Of($"…")</c> the literal parts are markup and every hole is
/// encoded (text and attribute values alike; attributes are always double-quoted), except a hole
/// that is already <see cref="Markup"/>. So a value from an invoice or a file can never become markup.
/// </summary>
internal static class Html
{
    public static Markup Of(ref Handler html) => new(html.ToStringAndClear());

    /// <summary>Text encoded for an element or a double-quoted attribute.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup If(bool condition, Markup markup) => condition ? markup : Markup.Empty;

    [InterpolatedStringHandler]
    internal ref struct Handler
    {
        private readonly StringBuilder builder;

        public Handler(int literalLength, int formattedCount)
        {
            builder = new StringBuilder(literalLength + (formattedCount * 16));
        }

        public readonly void AppendLiteral(string literal) => builder.Append(literal);

        public readonly void AppendFormatted(Markup markup) => builder.Append(markup.Value);

        public readonly void AppendFormatted(string? text) => builder.Append(Encode(text));

        public readonly void AppendFormatted<T>(T value) =>
            builder.Append(Encode(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()));

        public readonly void AppendFormatted<T>(T value, string format)
            where T : IFormattable =>
            builder.Append(Encode(value.ToString(format, CultureInfo.InvariantCulture)));

        public readonly string ToStringAndClear()
        {
            var text = builder.ToString();
            builder.Clear();
            return text;
        }
    }
}
