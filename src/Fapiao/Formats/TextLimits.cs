using Fapiao.Validation;

namespace Fapiao.Formats;

/// <summary>Upper bounds on text fields, so hostile input cannot make records of unbounded size.</summary>
internal static class TextLimits
{
    public const int Identifier = 64;
    public const int Name = 300;
    public const int Remarks = 4_000;

    /// <summary>
    /// The value when it is within <paramref name="maxLength"/> and free of control characters;
    /// otherwise null, with the problem (<c>text.tooLong</c>, <c>text.control</c>) added.
    /// </summary>
    public static string? Check(string value, string field, int maxLength, List<Problem> problems)
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
}
