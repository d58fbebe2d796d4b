using Fapiao.Validation;

namespace Fapiao.Domain;

/// <summary>The check code (校验码): 20 digits on ordinary invoices, none on special invoices or 数电票.</summary>
internal static class CheckCode
{
    public const int Length = 20;

    /// <summary>
    /// Null when <paramref name="value"/> is absent or fine; an error <c>checkCode.format</c> unless
    /// it is 20 ASCII digits; a warning <c>checkCode.unexpected</c> when <paramref name="type"/> is
    /// one that carries none (special invoices, 数电票).
    /// </summary>
    public static Problem? Check(string? value, string type, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length != Length || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return Problem.Error(ErrorCodes.CheckCodeFormat, field, DomainMessages.CheckCodeFormat);
        }

        return InvoiceType.TryParse(type, out InvoiceType invoiceType) && invoiceType.LacksCheckCode
            ? Problem.Warning(ErrorCodes.CheckCodeUnexpected, field, DomainMessages.CheckCodeUnexpected(invoiceType))
            : null;
    }
}
