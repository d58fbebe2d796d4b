using System.Globalization;
using Fapiao.Validation;

namespace Fapiao.Domain;

/// <summary>
/// A VAT rate in use or still met on old invoices, as an exact fraction (0.06m for 6%), with the
/// kind of zero rate where it is zero. Written <c>0.06</c>, <c>0.060000</c>, <c>6%</c> or
/// <c>6</c>, or as a zero-rate word.
/// </summary>
internal readonly record struct TaxRate
{
    private const string ExemptWord = "免税";
    private const string NotTaxableWord = "不征税";
    private const string ExportWord = "出口零税率";
    private const string OrdinaryZeroWord = "零税率";

    // 13, 9, 6, 0; simplified collection 5, 3; reduced 1 and 1.5; historical 17, 16, 11, 10, 4.
    private static readonly decimal[] Known =
        [0.13m, 0.09m, 0.06m, 0m, 0.05m, 0.03m, 0.01m, 0.015m, 0.17m, 0.16m, 0.11m, 0.10m, 0.04m];

    // The canonical text of each known rate, made once: formatting a rate for every invoice line
    // took a tenth of the time of writing its canonical bytes.
    private static readonly string[] KnownText = Known.Select(Text).ToArray();

    private TaxRate(decimal fraction, ZeroRateKind zeroKind)
    {
        Fraction = fraction;
        ZeroKind = zeroKind;
    }

    /// <summary>The rate as a fraction: 0.06m for 6%, 0m for every zero kind.</summary>
    public decimal Fraction { get; }

    /// <summary>Why the rate is zero, or <see cref="ZeroRateKind.None"/>.</summary>
    public ZeroRateKind ZeroKind { get; }

    /// <summary>
    /// The fraction without trailing zeros (<c>0.06</c>, <c>0.015</c>, <c>0</c>), or the word for
    /// export zero rate, exempt and not taxable.
    /// </summary>
    public string Canonical => ZeroKind switch
    {
        ZeroRateKind.Export => ExportWord,
        ZeroRateKind.Exempt => ExemptWord,
        ZeroRateKind.NotTaxable => NotTaxableWord,
        _ => Array.IndexOf(Known, Fraction) is var known and >= 0 ? KnownText[known] : Text(Fraction),
    };

    private static string Text(decimal fraction) => fraction.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a known rate. A plain number of 1 or more is a percentage, below 1 a fraction;
    /// <c>%</c> makes it a percentage whatever its size.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TaxRate rate)
    {
        rate = default;
        ZeroRateKind word = text switch
        {
            ExemptWord => ZeroRateKind.Exempt,
            NotTaxableWord => ZeroRateKind.NotTaxable,
            ExportWord => ZeroRateKind.Export,
            OrdinaryZeroWord => ZeroRateKind.Ordinary,
            _ => ZeroRateKind.None,
        };
        if (word != ZeroRateKind.None)
        {
            rate = new TaxRate(0m, word);
            return true;
        }

        bool percent = text.EndsWith('%');
        if (!Amounts.TryParseQuantity(percent ? text[..^1] : text, out decimal number))
        {
            return false;
        }

        decimal fraction = percent || number >= 1m ? number / 100m : number;
        int known = Array.IndexOf(Known, fraction);
        if (known < 0)
        {
            return false;
        }

        // The table's constant, so that 0.060000 and 6% hold the same digits.
        decimal exact = Known[known];
        rate = new TaxRate(exact, exact == 0m ? ZeroRateKind.Ordinary : ZeroRateKind.None);
        return true;
    }

    /// <summary>
    /// Reads a known rate as <see cref="TryParse(ReadOnlySpan{char}, out TaxRate)"/> does, adding an
    /// error <c>taxRate.unknown</c> that quotes the text to <paramref name="problems"/> otherwise.
    /// </summary>
    public static bool TryParse(string? text, string field, out TaxRate rate, List<Problem> problems)
    {
        if (TryParse(text.AsSpan(), out rate))
        {
            return true;
        }

        problems.Add(Problem.Error(ErrorCodes.TaxRateUnknown, field, DomainMessages.TaxRateUnknown(text)));
        return false;
    }

    /// <summary>Reads a known rate as <see cref="TryParse(ReadOnlySpan{char}, out TaxRate)"/> does.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a known rate.</exception>
    public static TaxRate Parse(string text) =>
        TryParse(text, out TaxRate rate) ? rate : throw new FormatException(DomainMessages.TaxRateUnknown(text));

    public override string ToString() => Canonical;
}
