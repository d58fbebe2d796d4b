using System.Text;
using System.Text.Json;
using Fapiao.Validation;

namespace Fapiao.Formats.Json;

internal static partial class InvoiceJsonReader
{
    /// <summary>The fields of the invoice shape; their JSON names are these in camel case (<see cref="KnownNames"/>).</summary>
    private enum KnownField
    {
        Number, Code, Type, IssueDate, CheckCode, RedLetterOf, Remarks, Amount, Tax, Total,
        Seller, Buyer, Lines, TaxId, Name, Spec, Unit, Quantity, UnitPrice, TaxRate,
    }

    /// <summary>The field names by <see cref="KnownField"/>, so that reading a known name allocates nothing.</summary>
    private static readonly string[] KnownNames = Enum.GetNames<KnownField>()
        .Select(name => char.ToLowerInvariant(name[0]) + name[1..])
        .ToArray();

    private const int Unknown = -1;

    private static readonly byte[][] KnownNamesUtf8 = KnownNames.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>
    /// The indexes of the known names by their first byte: a name is compared with the one to five
    /// names that start as it does, not with all twenty (about thirty names per invoice).
    /// </summary>
    private static readonly int[][] KnownByFirstByte = Enumerable.Range(0, 128)
        .Select(b => Enumerable.Range(0, KnownNames.Length).Where(i => KnownNamesUtf8[i][0] == b).ToArray())
        .ToArray();

    /// <summary>The names one object has had so far: known names as bits, any other name in a set made when first needed.</summary>
    private struct SeenFields
    {
        private ulong known;
        private HashSet<string>? others;

        public bool Add(int knownIndex, string name)
        {
            if (knownIndex >= 0)
            {
                var bit = 1UL << knownIndex;
                var added = (known & bit) == 0;
                known |= bit;
                return added;
            }

            others ??= new HashSet<string>(StringComparer.Ordinal);
            return others.Add(name);
        }
    }

    /// <summary>
    /// A field's path ("amount", "seller.taxId", "lines[2].tax"), made into text only when a problem
    /// names it: most invoices have no problem, and building every path cost more than reading the value.
    /// </summary>
    private readonly record struct FieldPath(string? Parent, int Index, string? Name)
    {
        public FieldPath With(string name) => this with { Name = name };

        public override string ToString() => (Parent, Index, Name) switch
        {
            (null, _, _) => Name ?? "",
            (_, < 0, null) => Parent,
            (_, < 0, _) => Parent + "." + Name,
            (_, _, null) => $"{Parent}[{Index}]",
            _ => $"{Parent}[{Index}].{Name}",
        };
    }

    /// <summary>
    /// Moves to the next property of the current object: false at its end. <paramref name="known"/>
    /// is the name's index in <see cref="KnownNames"/> (or <see cref="Unknown"/>), <paramref name="name"/> the name.
    /// </summary>
    private static bool NextProperty(ref Utf8JsonReader reader, FieldPath prefix, ref SeenFields seen, List<Problem> problems, out int known, out string name)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            known = KnownIndex(ref reader);
            name = known >= 0 ? KnownNames[known] : reader.GetString()!;
            if (seen.Add(known, name))
            {
                return true;
            }

            var field = prefix.With(name).ToString();
            problems.Add(Problem.Error(ErrorCodes.JsonDuplicateField, field, $"The field \"{TextLimits.Printable(name)}\" appears twice."));
            reader.Read();
            reader.Skip();
        }

        known = Unknown;
        name = "";
        return false;
    }

    private static int KnownIndex(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.ValueIsEscaped ? IndexOf(reader.GetString()!) : Unknown;
        }

        var span = reader.ValueSpan;
        if (span.IsEmpty || span[0] >= KnownByFirstByte.Length)
        {
            return Unknown;
        }

        foreach (var i in KnownByFirstByte[span[0]])
        {
            if (span.SequenceEqual(KnownNamesUtf8[i]))
            {
                return i;
            }
        }

        return Unknown;
    }

    private static int IndexOf(string name) => Array.IndexOf(KnownNames, name);

    private static void UnknownField(ref Utf8JsonReader reader, FieldPath path, List<Problem> problems)
    {
        var field = path.ToString();
        problems.Add(Problem.Error(ErrorCodes.JsonUnknownField, TextLimits.Printable(field), $"Unknown field \"{TextLimits.Printable(field)}\": it is refused, not ignored."));
        reader.Read();
        reader.Skip();
    }

    /// <summary>Identifiers (numbers, codes, tax IDs, dates) must be JSON strings.</summary>
    private static string? ReadIdentifier(ref Utf8JsonReader reader, FieldPath field, List<Problem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return Checked(reader.GetString()!, field, TextLimits.Identifier, problems);
            default:
                problems.Add(Problem.Error(ErrorCodes.JsonType, field.ToString(), $"\"{field}\" must be a string (a JSON number would be rounded by other tools)."));
                reader.Skip();
                return null;
        }
    }

    private static string? ReadText(ref Utf8JsonReader reader, FieldPath field, int maxLength, List<Problem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return Checked(reader.GetString()!, field, maxLength, problems);
            default:
                problems.Add(Problem.Error(ErrorCodes.JsonType, field.ToString(), $"\"{field}\" must be a string."));
                reader.Skip();
                return null;
        }
    }

    /// <summary>Money and rates: a decimal string, or a number literal taken as its exact text.</summary>
    private static string? ReadDecimal(ref Utf8JsonReader reader, FieldPath field, List<Problem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return Checked(reader.GetString()!, field, TextLimits.Identifier, problems);
            case JsonTokenType.Number:
                if (reader.ValueSpan.Length > TextLimits.Identifier)
                {
                    problems.Add(Problem.Error(ErrorCodes.AmountFormat, field.ToString(), $"\"{field}\" is too long to be an amount."));
                    return null;
                }

                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                problems.Add(Problem.Error(ErrorCodes.JsonType, field.ToString(), $"\"{field}\" must be a decimal string."));
                reader.Skip();
                return null;
        }
    }

    private static string? Checked(string value, FieldPath field, int maxLength, List<Problem> problems) =>
        TextLimits.IsClean(value, maxLength) ? value : TextLimits.Check(value, field.ToString(), maxLength, problems);
}
