using System.Text.RegularExpressions;
using Fapiao.Domain;

namespace Fapiao.Validation;

internal sealed partial class InvoiceValidator
{
    /// <summary>The 数电 remark names the reversed blue invoice: 被红冲蓝字数电发票号码：&lt;20 digits&gt;.</summary>
    [GeneratedRegex(@"被红冲蓝字数电发票号码[:：]\s*(\d{20})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ShudianRemark();

    /// <summary>Legacy ordinary invoices: 对应正数发票代码:… 号码:….</summary>
    [GeneratedRegex(@"对应正数发票代码[:：]\s*(\d{10}|\d{12})\s*号码[:：]\s*(\d{8})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LegacyRemark();

    private static InvoiceKey? ValidateRedLetter(string? text, string? remarks, InvoiceKey? key, MoneyParts money, bool partialSource, List<Problem> problems)
    {
        var negative = money.Total < 0 || money.Amount < 0;
        var positive = money.Total > 0 || money.Amount > 0;
        InvoiceKey? original = null;
        if (Empty(text) is { } given)
        {
            if (!InvoiceKey.TryParse(given, out var parsed))
            {
                problems.Add(Problem.Error(ErrorCodes.RedLetterReference, "redLetterOf", $"\"{Quote(given)}\" is not an invoice key (20 digits, or CODE-NUMBER)."));
                return null;
            }

            original = parsed;
        }
        else if (negative && remarks is not null)
        {
            // The reference is printed in the remark by the issuing system; taking it from there is not a guess.
            original = FromRemark(remarks);
        }

        if (original is null)
        {
            if (negative)
            {
                const string message = "Negative amounts make a red-letter invoice, which must name the blue invoice it reverses (redLetterOf).";
                problems.Add(partialSource
                    ? Problem.Warning(ErrorCodes.RedLetterReference, "redLetterOf", message + " This source cannot carry it: submit the full invoice to link it.")
                    : Problem.Error(ErrorCodes.RedLetterReference, "redLetterOf", message));
            }

            return null;
        }

        if (positive)
        {
            problems.Add(Problem.Error(ErrorCodes.RedLetterSign, "total", "A red-letter invoice has negative amounts."));
        }

        if (key is { } own && own == original.Value)
        {
            problems.Add(Problem.Error(ErrorCodes.RedLetterReference, "redLetterOf", "A red-letter invoice cannot reverse itself."));
        }

        return original;
    }

    private static InvoiceKey? FromRemark(string remarks)
    {
        try
        {
            var shudian = ShudianRemark().Match(remarks);
            if (shudian.Success && InvoiceKey.TryParse(shudian.Groups[1].Value, out var k1))
            {
                return k1;
            }

            var legacy = LegacyRemark().Match(remarks);
            if (legacy.Success && InvoiceKey.TryParse($"{legacy.Groups[1].Value}-{legacy.Groups[2].Value}", out var k2))
            {
                return k2;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A remark built to stall the matcher simply yields no reference.
        }

        return null;
    }
}
