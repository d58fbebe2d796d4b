using Fapiao.Validation;

namespace Fapiao.Formats.Images;

/// <summary>The text of a QR code found in an image, or the problem that prevented it.</summary>
internal sealed record QrScan(string? Text, Problem? Problem)
{
    public static QrScan Found(string text) => new(text, null);

    /// <summary>A problem with the whole file (field <c>$</c>).</summary>
    public static QrScan Failed(string code, string message) => new(null, Problem.Error(code, "$", message));
}
