namespace Fapiao.Formats.Exports;

/// <summary>
/// Where a CSV reader stands inside a record, for RFC 4180 quoting: a quote opens a quoted field
/// only at the start of a field, and <c>""</c> inside one is a quote character. The record reader
/// (on bytes) and the field splitter (on characters) step through the same states.
/// </summary>
internal enum CsvQuoteState
{
    FieldStart,
    Unquoted,
    Quoted,

    /// <summary>A quote seen inside a quoted field: it closes the field, unless another quote follows.</summary>
    QuoteInQuoted,
}

internal static class CsvQuoteStates
{
    /// <summary>The state after one more character (or byte) other than a line break ending the record.</summary>
    public static CsvQuoteState Next(CsvQuoteState state, int c) => state switch
    {
        CsvQuoteState.FieldStart => c switch
        {
            '"' => CsvQuoteState.Quoted,
            ',' => CsvQuoteState.FieldStart,
            _ => CsvQuoteState.Unquoted,
        },
        CsvQuoteState.Unquoted => c == ',' ? CsvQuoteState.FieldStart : CsvQuoteState.Unquoted,
        CsvQuoteState.Quoted => c == '"' ? CsvQuoteState.QuoteInQuoted : CsvQuoteState.Quoted,
        _ => c switch
        {
            '"' => CsvQuoteState.Quoted,
            ',' => CsvQuoteState.FieldStart,
            _ => CsvQuoteState.Unquoted,
        },
    };
}
