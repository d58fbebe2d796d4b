namespace Fapiao.Web.Ui;

/// <summary>A piece of HTML that is already safe to write as is: made by <see cref="Html"/>, or from a constant literal.</summary>
internal readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new(string.Empty);

    public override string ToString() => Value ?? string.Empty;
}
