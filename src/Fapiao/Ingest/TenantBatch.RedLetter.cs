using Fapiao.Domain;
using Fapiao.Ledger.Events;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ingest;

internal sealed partial class TenantBatch
{
    /// <summary>
    /// Checks a red-letter invoice against its blue one. An unknown blue invoice is a warning (it
    /// may arrive later and is linked then); reversing more than the blue invoice holds, or
    /// reversing a red invoice, is an error.
    /// </summary>
    private bool CheckRed(Invoice red, string blueKey, List<Problem> problems, out Entry? blue)
    {
        if (!entries.TryGetValue(blueKey, out blue))
        {
            problems.Add(Problem.Warning(ErrorCodes.RedLetterOriginalUnknown, "redLetterOf", $"The blue invoice {blueKey} is not in the ledger yet; the reversal is applied when it arrives."));
            return true;
        }

        if (blue.Record.RedLetterOf is not null)
        {
            problems.Add(Problem.Error(ErrorCodes.RedLetterOriginalIsRed, "redLetterOf", $"{blueKey} is itself a red-letter invoice and cannot be reversed."));
            return false;
        }

        var before = problems.Count;
        Exceeds(problems, "amount", blue.Record.Amount, blue.Record.ReversedAmount, red.Amount);
        Exceeds(problems, "tax", blue.Record.Tax, blue.Record.ReversedTax, red.Tax);
        Exceeds(problems, "total", blue.Record.Total, blue.Record.ReversedTotal, red.Total);
        return problems.Count == before;
    }

    private static void Exceeds(List<Problem> problems, string field, decimal? blue, decimal reversed, decimal? red)
    {
        if (blue is { } b && red is { } r && -(reversed + r) > b)
        {
            problems.Add(Problem.Error(ErrorCodes.RedLetterExceedsOriginal, field,
                $"Red-letter invoices would take {Amounts.FormatMoney(-(reversed + r))} off a blue invoice of {Amounts.FormatMoney(b)} ({Amounts.FormatMoney(-reversed)} already reversed)."));
        }
    }

    /// <summary>Appends the reversed event on the blue invoice, naming the red one and its amounts.</summary>
    private void Reverse(Entry blue, InvoiceRecord red, WriteItem item, IReadOnlyList<Problem> warnings) =>
        Append(new LedgerEvent
        {
            Kind = EventKinds.Reversed,
            Tenant = tenant,
            Key = blue.Record.Key,
            At = now,
            Actor = item.Actor,
            Source = item.Submission.Source,
            Original = item.Submission.Original,
            Red = red.Key,
            Amount = red.Amount,
            Tax = red.Tax,
            Total = red.Total,
            Warnings = warnings,
        }, blue, null);

    /// <summary>A blue invoice arrived after red ones that reverse it: link them now, in the order they came.</summary>
    private void ApplyPendingReds(string blueKey, WriteItem item)
    {
        if (!pendingReds.Remove(blueKey, out var reds))
        {
            return;
        }

        var blue = entries[blueKey];
        foreach (var redKey in reds.OrderBy(k => entries[k].Record.FirstIndex))
        {
            var red = entries[redKey].Record;
            var warnings = new List<Problem>();
            Exceeds(warnings, "total", blue.Record.Total, blue.Record.ReversedTotal, red.Total);
            if (warnings.Count == 0)
            {
                Exceeds(warnings, "amount", blue.Record.Amount, blue.Record.ReversedAmount, red.Amount);
            }

            // The red invoice was accepted before its blue one arrived: it stays, and the excess is flagged for review.
            Reverse(blue, red, item, warnings.Select(w => w with { Severity = Severity.Warning }).ToList());
        }
    }
}
