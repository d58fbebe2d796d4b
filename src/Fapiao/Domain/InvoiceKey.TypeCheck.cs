using Fapiao.Validation;

namespace Fapiao.Domain;

internal readonly partial record struct InvoiceKey
{
    /// <summary>
    /// Warnings <c>type.keyMismatch</c> where an invoice type contradicts its key: a 数电 type
    /// (31–34) with a legacy key, a legacy electronic type (10, 14, 20) with a 20-digit key, or a
    /// type the legacy code's kind digits speak against. An unknown type gives no warning here:
    /// <c>type.unknown</c> is for whoever read the type.
    /// </summary>
    public static IReadOnlyList<Problem> CheckTypeAgainstKey(string type, InvoiceKey key, string field = "type")
    {
        if (!InvoiceType.TryParse(type, out InvoiceType invoiceType) || key.Number.Length == 0)
        {
            return [];
        }

        string? message = null;
        if (invoiceType.IsShudian && !key.IsShudian)
        {
            message = DomainMessages.ShudianTypeWithLegacyKey(invoiceType);
        }
        else if (key.IsShudian && invoiceType.IsElectronic && !invoiceType.IsShudian)
        {
            message = DomainMessages.LegacyTypeWithShudianKey(invoiceType);
        }
        else if (key.Code is { } code && LegacyCodeInfo.Read(code) is var info && info.Contradicts(invoiceType))
        {
            message = DomainMessages.TypeContradictsCode(invoiceType, info);
        }

        return message is null ? [] : [Problem.Warning(ErrorCodes.TypeKeyMismatch, field, message)];
    }
}
