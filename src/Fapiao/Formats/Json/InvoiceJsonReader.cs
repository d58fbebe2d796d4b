using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Fapiao.Validation;

namespace Fapiao.Formats.Json;

/// <summary>
/// Reads one invoice object of the canonical JSON shape into a draft. Strict: unknown fields are
/// refused (no mass assignment), identifiers must be strings (a JSON number would be rounded by
/// other tools), money may be a string or an exact number literal. Never throws on bad input.
/// </summary>
internal static partial class InvoiceJsonReader
{
    /// <summary>Invoices nest three levels deep; anything deeper is hostile or wrong.</summary>
    public const int MaxDepth = 8;

    public const int MaxLines = 10_000;

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <param name="utf8">One JSON object.</param>
    /// <param name="problems">Receives every problem found.</param>
    /// <param name="skipLines">Leave the lines out (verify folds the projection, which does not use them).</param>
    public static InvoiceDraft? Read(ReadOnlySpan<byte> utf8, List<Problem> problems, bool skipLines = false)
    {
        if (!Utf8.IsValid(utf8))
        {
            problems.Add(Problem.Error(ErrorCodes.EncodingInvalid, "$", "The input is not valid UTF-8."));
            return null;
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            problems.Add(Problem.Error(ErrorCodes.JsonSyntax, "$", "The input is empty."));
            return null;
        }

        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read())
            {
                problems.Add(Problem.Error(ErrorCodes.JsonSyntax, "$", "The input is empty."));
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(Problem.Error(ErrorCodes.JsonType, "$", "An invoice must be a JSON object."));
                return null;
            }

            var draft = ReadInvoice(ref reader, problems, skipLines);
            if (reader.Read())
            {
                problems.Add(Problem.Error(ErrorCodes.JsonSyntax, $"$@{reader.TokenStartIndex}", "Unexpected content after the invoice object."));
                return null;
            }

            return draft;
        }
        catch (JsonException ex)
        {
            var code = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? ErrorCodes.JsonDepth : ErrorCodes.JsonSyntax;
            var position = $"$@{ex.BytePositionInLine ?? reader.BytesConsumed}";
            problems.Add(Problem.Error(code, position, $"Malformed JSON at byte {ex.BytePositionInLine ?? reader.BytesConsumed}: {Shorten(ex.Message)}"));
            return null;
        }
    }

    private static InvoiceDraft ReadInvoice(ref Utf8JsonReader reader, List<Problem> problems, bool skipLines)
    {
        var draft = new InvoiceDraft();
        var seen = default(SeenFields);
        while (NextProperty(ref reader, default, ref seen, problems, out var known, out var name))
        {
            var field = new FieldPath(null, -1, name);
            switch ((KnownField)known)
            {
                case KnownField.Number: draft.Number = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.Code: draft.Code = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.Type: draft.Type = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.IssueDate: draft.IssueDate = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.CheckCode: draft.CheckCode = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.RedLetterOf: draft.RedLetterOf = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.Remarks: draft.Remarks = ReadText(ref reader, field, TextLimits.Remarks, problems); break;
                case KnownField.Amount: draft.Amount = ReadDecimal(ref reader, field, problems); break;
                case KnownField.Tax: draft.Tax = ReadDecimal(ref reader, field, problems); break;
                case KnownField.Total: draft.Total = ReadDecimal(ref reader, field, problems); break;
                case KnownField.Seller: draft.Seller = ReadParty(ref reader, name, problems); break;
                case KnownField.Buyer: draft.Buyer = ReadParty(ref reader, name, problems); break;
                case KnownField.Lines when skipLines: reader.Read(); reader.Skip(); break;
                case KnownField.Lines: draft.Lines = ReadLines(ref reader, problems); break;
                default: UnknownField(ref reader, field, problems); break;
            }
        }

        return draft;
    }

    private static PartyDraft? ReadParty(ref Utf8JsonReader reader, string path, List<Problem> problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add(Problem.Error(ErrorCodes.JsonType, path, "Expected an object with taxId and name."));
            reader.Skip();
            return null;
        }

        var party = new PartyDraft();
        var seen = default(SeenFields);
        while (NextProperty(ref reader, new FieldPath(path, -1, ""), ref seen, problems, out var known, out var name))
        {
            var field = new FieldPath(path, -1, name);
            switch ((KnownField)known)
            {
                case KnownField.TaxId: party.TaxId = ReadIdentifier(ref reader, field, problems); break;
                case KnownField.Name: party.Name = ReadText(ref reader, field, TextLimits.Name, problems); break;
                default: UnknownField(ref reader, field, problems); break;
            }
        }

        return party;
    }

    private static List<LineDraft>? ReadLines(ref Utf8JsonReader reader, List<Problem> problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problems.Add(Problem.Error(ErrorCodes.JsonType, "lines", "Expected an array of lines."));
            reader.Skip();
            return null;
        }

        var lines = new List<LineDraft>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var path = new FieldPath("lines", lines.Count, null);
            if (lines.Count == MaxLines)
            {
                problems.Add(Problem.Error(ErrorCodes.LineLimit, "lines", $"More than {MaxLines} lines."));
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(Problem.Error(ErrorCodes.JsonType, path.ToString(), "Expected a line object."));
                reader.Skip();
                lines.Add(new LineDraft());
                continue;
            }

            lines.Add(ReadLine(ref reader, lines.Count, problems));
        }

        return lines;
    }

    private static LineDraft ReadLine(ref Utf8JsonReader reader, int index, List<Problem> problems)
    {
        var line = new LineDraft();
        var seen = default(SeenFields);
        while (NextProperty(ref reader, new FieldPath("lines", index, ""), ref seen, problems, out var known, out var name))
        {
            var field = new FieldPath("lines", index, name);
            switch ((KnownField)known)
            {
                case KnownField.Name: line.Name = ReadText(ref reader, field, TextLimits.Name, problems); break;
                case KnownField.Spec: line.Spec = ReadText(ref reader, field, TextLimits.Name, problems); break;
                case KnownField.Unit: line.Unit = ReadText(ref reader, field, TextLimits.Name, problems); break;
                case KnownField.Quantity: line.Quantity = ReadDecimal(ref reader, field, problems); break;
                case KnownField.UnitPrice: line.UnitPrice = ReadDecimal(ref reader, field, problems); break;
                case KnownField.Amount: line.Amount = ReadDecimal(ref reader, field, problems); break;
                case KnownField.TaxRate: line.TaxRate = ReadDecimal(ref reader, field, problems); break;
                case KnownField.Tax: line.Tax = ReadDecimal(ref reader, field, problems); break;
                default: UnknownField(ref reader, field, problems); break;
            }
        }

        return line;
    }

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200];
}
