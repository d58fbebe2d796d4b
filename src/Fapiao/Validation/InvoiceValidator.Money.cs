using Fapiao.Domain;
using Fapiao.Formats;

namespace Fapiao.Validation;

internal sealed partial class InvoiceValidator
{
    /// <summary>Per line, the tax system itself allows |amount × rate − tax| ≤ 0.06.</summary>
    public const decimal LineTolerance = 0.06m;

    /// <summary>Per invoice, over the sum of its lines, it allows ≤ 1.27.</summary>
    public const decimal InvoiceTolerance = 1.27m;

    /// <summary>
    /// The path of an amount, rate or quantity ("amount", "lines[2].tax"), made into text only when a problem names it:
    /// five paths per line built for every valid invoice cost more than checking the line.
    /// </summary>
    private readonly record struct ValueField(string Name, int Line = -1)
    {
        public static implicit operator ValueField(string name) => new(name);

        public override string ToString() => Line < 0 ? Name : $"lines[{Line}].{Name}";
    }

    private sealed record MoneyParts(decimal? Amount, decimal? Tax, decimal? Total, IReadOnlyList<InvoiceLine>? Lines);

    private static MoneyParts ValidateMoney(InvoiceDraft draft, List<Problem> problems)
    {
        var amount = Money(draft.Amount, "amount", problems);
        var tax = Money(draft.Tax, "tax", problems);
        var total = Money(draft.Total, "total", problems);
        var lines = ValidateLines(draft.Lines, problems);

        if (lines is { Count: > 0 })
        {
            var lineAmounts = lines.Sum(l => l.Amount);
            var lineTaxes = lines.Sum(l => l.Tax);
            if (amount is { } a && a != lineAmounts)
            {
                problems.Add(Problem.Error(ErrorCodes.SumLines, "amount", $"The amount {Amounts.FormatMoney(a)} is not the sum of the line amounts {Amounts.FormatMoney(lineAmounts)}."));
            }

            if (tax is { } t && t != lineTaxes)
            {
                problems.Add(Problem.Error(ErrorCodes.SumTax, "tax", $"The tax {Amounts.FormatMoney(t)} is not the sum of the line taxes {Amounts.FormatMoney(lineTaxes)}."));
            }

            var expectedTax = lines.Sum(l => l.Amount * l.TaxRate.Fraction);
            if (Math.Abs(expectedTax - lineTaxes) > InvoiceTolerance)
            {
                problems.Add(Problem.Error(ErrorCodes.TaxTolerance, "tax", $"The line taxes add up to {Amounts.FormatMoney(lineTaxes)}, but amount × rate gives {expectedTax:0.00##}: more than the {InvoiceTolerance} the tax system allows per invoice."));
            }
        }

        if (amount is { } am && tax is { } tx && total is { } to && am + tx != to)
        {
            problems.Add(Problem.Error(ErrorCodes.SumTotal, "total", $"The total {Amounts.FormatMoney(to)} is not amount + tax = {Amounts.FormatMoney(am + tx)}."));
        }

        return new MoneyParts(amount, tax, total, lines);
    }

    private static List<InvoiceLine>? ValidateLines(List<LineDraft>? drafts, List<Problem> problems)
    {
        if (drafts is null || drafts.Count == 0)
        {
            return null;
        }

        var lines = new List<InvoiceLine>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var amount = Money(d.Amount, new ValueField("amount", i), problems, required: true);
            var tax = Money(d.Tax, new ValueField("tax", i), problems, required: true);
            var rate = Rate(d.TaxRate, new ValueField("taxRate", i), problems);
            var quantity = Quantity(d.Quantity, new ValueField("quantity", i), problems);
            var unitPrice = Quantity(d.UnitPrice, new ValueField("unitPrice", i), problems);
            if (amount is null || tax is null || rate is null)
            {
                continue;
            }

            if (Math.Abs(amount.Value * rate.Value.Fraction - tax.Value) > LineTolerance)
            {
                problems.Add(Problem.Error(ErrorCodes.TaxTolerance, new ValueField("tax", i).ToString(), $"The tax {Amounts.FormatMoney(tax.Value)} differs from amount × rate = {Amounts.RoundTax(amount.Value * rate.Value.Fraction):0.00} by more than {LineTolerance}."));
            }

            lines.Add(new InvoiceLine(Empty(d.Name), Empty(d.Spec), Empty(d.Unit), quantity, unitPrice, amount.Value, rate.Value, tax.Value));
        }

        return lines.Count == drafts.Count ? lines : null;
    }

    private static decimal? Money(string? text, ValueField field, List<Problem> problems, bool required = false)
    {
        if (Empty(text) is null)
        {
            if (required)
            {
                problems.Add(Problem.Error(ErrorCodes.FieldRequired, field.ToString(), $"\"{field}\" is required."));
            }

            return null;
        }

        if (Amounts.TryParseMoney(text, out var value))
        {
            return value;
        }

        problems.Add(Problem.Error(ErrorCodes.AmountFormat, field.ToString(), $"\"{Quote(text!)}\" is not an amount in yuan with at most 2 decimals."));
        return null;
    }

    private static decimal? Quantity(string? text, ValueField field, List<Problem> problems)
    {
        if (Empty(text) is null)
        {
            return null;
        }

        if (Amounts.TryParseQuantity(text, out var value))
        {
            return value;
        }

        problems.Add(Problem.Error(ErrorCodes.QuantityFormat, field.ToString(), $"\"{Quote(text!)}\" is not a decimal number."));
        return null;
    }

    private static TaxRate? Rate(string? text, ValueField field, List<Problem> problems)
    {
        if (Empty(text) is null)
        {
            problems.Add(Problem.Error(ErrorCodes.FieldRequired, field.ToString(), $"\"{field}\" is required."));
            return null;
        }

        if (TaxRate.TryParse(text, out var rate))
        {
            return rate;
        }

        problems.Add(Problem.Error(ErrorCodes.TaxRateUnknown, field.ToString(), $"\"{Quote(text!)}\" is not a tax rate in use (13%, 9%, 6%, 5%, 3%, 1.5%, 1%, 0%, or a historical 17/16/11/10/4%)."));
        return null;
    }

    private static string Quote(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
