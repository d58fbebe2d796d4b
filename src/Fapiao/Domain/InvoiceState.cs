namespace Fapiao.Domain;

/// <summary>The state of an invoice as the log makes it.</summary>
public enum InvoiceState
{
    Normal,
    PartiallyReversed,
    Reversed,
    Voided,
}

/// <summary>The state names of the CLI and API contract.</summary>
public static class InvoiceStates
{
    public static string ToText(this InvoiceState state) => state switch
    {
        InvoiceState.Normal => "normal",
        InvoiceState.PartiallyReversed => "partially-reversed",
        InvoiceState.Reversed => "reversed",
        InvoiceState.Voided => "voided",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static bool TryParse(string? text, out InvoiceState state)
    {
        state = text switch
        {
            "normal" => InvoiceState.Normal,
            "partially-reversed" => InvoiceState.PartiallyReversed,
            "reversed" => InvoiceState.Reversed,
            "voided" => InvoiceState.Voided,
            _ => (InvoiceState)(-1),
        };
        return (int)state >= 0;
    }
}
