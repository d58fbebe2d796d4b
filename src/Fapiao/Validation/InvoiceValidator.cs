using Fapiao.Domain;
using Fapiao.Formats;

namespace Fapiao.Validation;

/// <summary>
/// Turns a draft from any source into a canonical invoice, checking every rule of DOMAIN.md that
/// needs no ledger state. Collects every problem instead of stopping at the first; errors reject,
/// warnings travel with the record. Rules that need the ledger (duplicates, red-letter limits)
/// are the ingest decider's.
/// </summary>
internal sealed partial class InvoiceValidator(TimeProvider clock)
{
    /// <summary>Issue dates are Beijing dates; the ledger's clock may run in any zone.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today in Beijing, by the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public Invoice? Validate(InvoiceDraft draft, List<Problem> problems)
    {
        var errorsBefore = ErrorCount(problems);
        var today = Today;

        var key = ValidateKey(draft, today, problems);
        var type = ValidateType(draft.Type, problems);
        var issueDate = ValidateIssueDate(draft.IssueDate, today, problems);
        if (key is { } k && type is not null)
        {
            problems.AddRange(InvoiceKey.CheckTypeAgainstKey(type, k));
        }

        var checkCode = Empty(draft.CheckCode);
        if (checkCode is not null && type is not null && CheckCode.Check(checkCode, type, "checkCode") is { } checkProblem)
        {
            problems.Add(checkProblem);
        }

        var seller = ValidateParty(draft.Seller, "seller.taxId", sellerNeedsTaxId: true, problems);
        var buyer = ValidateParty(draft.Buyer, "buyer.taxId", sellerNeedsTaxId: false, problems);
        var money = ValidateMoney(draft, problems);
        var remarks = Empty(draft.Remarks);
        var redLetterOf = ValidateRedLetter(draft.RedLetterOf, remarks, key, money, draft.IsPartialSource, problems);

        if (ErrorCount(problems) > errorsBefore || key is null || type is null || issueDate is null)
        {
            return null;
        }

        return new Invoice
        {
            Key = key.Value,
            Type = type,
            IssueDate = issueDate.Value,
            Seller = seller,
            Buyer = buyer,
            Lines = money.Lines,
            Amount = money.Amount,
            Tax = money.Tax,
            Total = money.Total,
            CheckCode = checkCode,
            Remarks = remarks,
            RedLetterOf = redLetterOf,
        };
    }

    /// <summary>
    /// The key <paramref name="draft"/> names where its number (and code) are well-formed, whatever
    /// else is wrong with it: a rejected item is kept in quarantine under that key, so that asking
    /// for it finds it. Null where the number or code itself is wrong.
    /// </summary>
    public InvoiceKey? KeyOf(InvoiceDraft draft) => ValidateKey(draft, Today, []);

    private static InvoiceKey? ValidateKey(InvoiceDraft draft, DateOnly today, List<Problem> problems)
    {
        if (Empty(draft.Number) is null)
        {
            problems.Add(Problem.Error(ErrorCodes.FieldRequired, "number", "The invoice number is required."));
            return null;
        }

        return InvoiceKey.TryCreate(Empty(draft.Code), draft.Number, "code", "number", out var key, problems, today.Year) ? key : null;
    }

    private static string? ValidateType(string? type, List<Problem> problems)
    {
        if (Empty(type) is null)
        {
            problems.Add(Problem.Error(ErrorCodes.FieldRequired, "type", "The invoice type is required (two digits, e.g. 31 or 10)."));
            return null;
        }

        if (!InvoiceType.IsKnownCode(type))
        {
            problems.Add(Problem.Error(ErrorCodes.TypeUnknown, "type", $"Unknown invoice type \"{type}\"."));
            return null;
        }

        return type;
    }

    private static DateOnly? ValidateIssueDate(string? text, DateOnly today, List<Problem> problems)
    {
        if (Empty(text) is null)
        {
            problems.Add(Problem.Error(ErrorCodes.FieldRequired, "issueDate", "The issue date is required (YYYY-MM-DD)."));
            return null;
        }

        if (!IssueDates.TryParseIsoDate(text, out var date) || date.Year < 1990)
        {
            problems.Add(Problem.Error(ErrorCodes.DateFormat, "issueDate", $"\"{text}\" is not a date of the form YYYY-MM-DD."));
            return null;
        }

        // One day of slack: an invoice issued just after midnight in Beijing may reach a ledger whose clock is behind.
        if (date > today.AddDays(1))
        {
            problems.Add(Problem.Error(ErrorCodes.DateFuture, "issueDate", $"The issue date {text} is in the future."));
            return null;
        }

        return date;
    }

    private static Party? ValidateParty(PartyDraft? draft, string taxIdField, bool sellerNeedsTaxId, List<Problem> problems)
    {
        if (draft is null)
        {
            return null;
        }

        var party = new Party(Empty(draft.TaxId), Empty(draft.Name));
        if (party.IsEmpty)
        {
            return null;
        }

        if (party.TaxId is null)
        {
            if (sellerNeedsTaxId)
            {
                problems.Add(Problem.Error(ErrorCodes.TaxIdRequired, taxIdField, "The seller's tax ID is required."));
            }
        }
        else
        {
            problems.AddRange(TaxIds.Check(party.TaxId, taxIdField));
        }

        return party;
    }

    /// <summary>The errors among <paramref name="problems"/>.</summary>
    private static int ErrorCount(List<Problem> problems)
    {
        var count = 0;
        foreach (var problem in problems)
        {
            if (problem.IsError)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Empty strings count as absent, so "" and a missing field hash the same.</summary>
    internal static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
