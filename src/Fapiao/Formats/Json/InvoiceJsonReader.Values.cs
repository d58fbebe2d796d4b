using System.Text;
using System.Text.Json;
using Fapiao.Validation;

namespace Fapiao.Formats.Json;

internal static partial class InvoiceJsonReader
{
    /// <summary>Moves to the next property of the current object; null at its end.</summary>
    private static string? NextProperty(ref Utf8JsonReader reader, string prefix, HashSet<string> seen, List<Problem> problems)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            var name = reader.GetString()!;
            if (seen.Add(name))
            {
                return name;
            }

            problems.Add(Problem.Error(ErrorCodes.JsonDuplicateField, prefix + name, $"The field \"{Printable(name)}\" appears twice."));
            reader.Read();
            reader.Skip();
        }

        return null;
    }

    private static void UnknownField(ref Utf8JsonReader reader, string field, List<Problem> problems)
    {
        problems.Add(Problem.Error(ErrorCodes.JsonUnknownField, Printable(field), $"Unknown field \"{Printable(field)}\": it is refused, not ignored."));
        reader.Read();
        reader.Skip();
    }

    /// <summary>Identifiers (numbers, codes, tax IDs, dates) must be JSON strings.</summary>
    private static string? ReadIdentifier(ref Utf8JsonReader reader, string field, List<Problem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return CheckText(reader.GetString()!, field, TextLimits.Identifier, problems);
            default:
                problems.Add(Problem.Error(ErrorCodes.JsonType, field, $"\"{field}\" must be a string (a JSON number would be rounded by other tools)."));
                reader.Skip();
                return null;
        }
    }

    private static string? ReadText(ref Utf8JsonReader reader, string field, int maxLength, List<Problem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return CheckText(reader.GetString()!, field, maxLength, problems);
            default:
                problems.Add(Problem.Error(ErrorCodes.JsonType, field, $"\"{field}\" must be a string."));
                reader.Skip();
                return null;
        }
    }

    /// <summary>Money and rates: a decimal string, or a number literal taken as its exact text.</summary>
    private static string? ReadDecimal(ref Utf8JsonReader reader, string field, List<Problem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return CheckText(reader.GetString()!, field, TextLimits.Identifier, problems);
            case JsonTokenType.Number:
                if (reader.ValueSpan.Length > TextLimits.Identifier)
                {
                    problems.Add(Problem.Error(ErrorCodes.AmountFormat, field, $"\"{field}\" is too long to be an amount."));
                    return null;
                }

                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                problems.Add(Problem.Error(ErrorCodes.JsonType, field, $"\"{field}\" must be a decimal string."));
                reader.Skip();
                return null;
        }
    }

    private static string? CheckText(string value, string field, int maxLength, List<Problem> problems) =>
        TextLimits.Check(value, field, maxLength, problems);

    /// <summary>Field names come from untrusted input: keep them short and printable in messages.</summary>
    private static string Printable(string name)
    {
        var shortened = name.Length > 64 ? name[..64] + "…" : name;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? '?' : c));
    }
}
