using System.Text;
using Fapiao.Validation;

namespace Fapiao.Formats.Exports;

/// <summary>
/// Splits one decoded CSV record into its fields (RFC 4180): quoted fields may hold commas, line
/// breaks and doubled quotes. A quote inside an unquoted field is taken as a character, as
/// spreadsheets do; text after a closing quote, or a quote never closed, is <c>csv.syntax</c>.
/// </summary>
internal static class CsvFields
{
    /// <summary>A platform export has a few dozen columns; more than this is not a table we read.</summary>
    public const int MaxFields = 1_000;

    public static List<string> Split(string record, List<Problem> problems)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = CsvQuoteState.FieldStart;
        var syntaxReported = false;
        foreach (var c in record)
        {
            var next = CsvQuoteStates.Next(state, c);
            if (state == CsvQuoteState.QuoteInQuoted && next == CsvQuoteState.Unquoted && !syntaxReported)
            {
                syntaxReported = true;
                problems.Add(Problem.Error(ErrorCodes.CsvSyntax, $"column {fields.Count + 1}", "Text follows the closing quote of a quoted field."));
            }

            if (next == CsvQuoteState.FieldStart && state != CsvQuoteState.Quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > MaxFields)
                {
                    problems.Add(Problem.Error(ErrorCodes.InputTooLarge, "$", $"The row has more than {MaxFields} columns."));
                    return fields;
                }
            }
            else if (KeepsCharacter(state, next))
            {
                field.Append(c);
            }

            state = next;
        }

        if (state == CsvQuoteState.Quoted)
        {
            problems.Add(Problem.Error(ErrorCodes.CsvSyntax, $"column {fields.Count + 1}", "A quoted field is never closed."));
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Opening and closing quotes are framing; the second quote of a doubled pair is the character.</summary>
    private static bool KeepsCharacter(CsvQuoteState state, CsvQuoteState next) => (state, next) switch
    {
        (CsvQuoteState.FieldStart, CsvQuoteState.Quoted) => false,
        (CsvQuoteState.Quoted, CsvQuoteState.QuoteInQuoted) => false,
        _ => true,
    };
}
