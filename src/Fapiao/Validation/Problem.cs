namespace Fapiao.Validation;

/// <summary>One thing wrong with an input: a stable code, where it is, and a message for people.</summary>
/// <param name="Code">A stable code from <see cref="ErrorCodes"/>, e.g. <c>taxId.checksum</c>.</param>
/// <param name="Severity">Error (rejects) or warning (kept on the record).</param>
/// <param name="Field">The field path (<c>seller.taxId</c>, <c>lines[2].tax</c>) or a file position.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record Problem(string Code, Severity Severity, string Field, string Message)
{
    public static Problem Error(string code, string field, string message) => new(code, Severity.Error, field, message);

    public static Problem Warning(string code, string field, string message) => new(code, Severity.Warning, field, message);

    public bool IsError => Severity == Severity.Error;
}
