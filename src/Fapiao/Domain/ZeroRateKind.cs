namespace Fapiao.Domain;

/// <summary>Why a tax rate is zero; <see cref="None"/> for every rate above zero.</summary>
internal enum ZeroRateKind
{
    /// <summary>Not a zero rate.</summary>
    None,

    /// <summary>The ordinary zero rate: <c>0</c>, <c>0%</c>, <c>零税率</c>.</summary>
    Ordinary,

    /// <summary>Export zero rate (出口零税率).</summary>
    Export,

    /// <summary>Exempt from VAT (免税).</summary>
    Exempt,

    /// <summary>Not taxable (不征税).</summary>
    NotTaxable,
}
