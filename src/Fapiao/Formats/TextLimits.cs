using Fapiao.Validation;

namespace Fapiao.Formats;

/// <summary>Upper bounds on text fields, so hostile input cannot make records of unbounded size.</summary>
internal static class TextLimits
{
    public const int Identifier = 64;
    public const int Name = 300;
    public const int Remarks = 4_000;

    /// <summary>
    /// The text when it fits <paramref name="maxLength"/> and holds no control character; null
    /// with a <c>text.tooLong</c> or <c>text.control</c> error otherwise. Every reader of text
    /// fields (JSON, XML, OFD) goes through here, so the rule is the same whatever the source.
    /// </summary>
    public static string? Check(string value, string field, int maxLength, List<Problem> problems) =>
        IsClean(value, maxLength) ? value : Refuse(value, field, maxLength, problems);

    /// <summary>True when <paramref name="value"/> passes <see cref="Check"/>: the common case, which needs no field name.</summary>
    public static bool IsClean(string value, int maxLength) =>
        value.Length <= maxLength && !value.AsSpan().ContainsAny(Controls);

    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(ControlCharacters());

    private static string ControlCharacters()
    {
        var chars = new System.Text.StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsControl((char)c) || c is 0x2028 or 0x2029)
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }

    private static string? Refuse(string value, string field, int maxLength, List<Problem> problems)
    {
        if (value.Length > maxLength)
        {
            problems.Add(Problem.Error(ErrorCodes.TextTooLong, field, $"\"{field}\" is longer than {maxLength} characters."));
            return null;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                problems.Add(Problem.Error(ErrorCodes.TextControl, field, $"\"{field}\" contains the control character U+{(int)c:X4}."));
                return null;
            }
        }

        return value;
    }

    /// <summary>Text from untrusted input, made short and printable for a message: at most 64 characters, controls as '?'.</summary>
    public static string Printable(string text)
    {
        var shortened = text.Length > 64 ? text[..64] + "…" : text;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? '?' : c));
    }
}
