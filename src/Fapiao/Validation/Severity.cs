namespace Fapiao.Validation;

/// <summary>How serious a problem is: an error rejects the item, a warning is kept on the record.</summary>
public enum Severity
{
    Error,
    Warning,
}
