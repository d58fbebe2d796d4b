namespace Fapiao.Reconciliation;

/// <summary>
/// Two unmatched keys, one on each side, that are probably the same invoice: <see cref="Reason"/>
/// is one of <see cref="SuggestionReasons"/>, <see cref="Detail"/> says where they differ.
/// </summary>
internal sealed record Suggestion(string Left, string Right, string Reason, string Detail);

/// <summary>The reasons a suggestion gives, stable strings of the JSON contract.</summary>
internal static class SuggestionReasons
{
    public const string OneDigit = "oneDigitDiffers";
    public const string AdjacentSwap = "adjacentDigitsSwapped";
    public const string CodeNumberExchanged = "codeAndNumberExchanged";
    public const string SameSellerDateTotal = "sameSellerDateTotal";
}
