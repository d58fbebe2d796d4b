using System.Text;

namespace Fapiao.Formats.Exports;

/// <summary>
/// The two encodings platform exports come in. The file's encoding is chosen once, from its first
/// rows: UTF-8 unless most of those holding non-ASCII bytes are not valid UTF-8 (GB18030 text of
/// Chinese is almost never valid UTF-8, so one bad row does not turn a UTF-8 file into GB18030). Each row is then decoded strictly; a row that is not valid in the chosen
/// encoding is refused alone with <c>encoding.invalid</c>.
/// </summary>
internal static class ExportEncoding
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030Strict = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static Encoding Utf8 => Utf8Strict;

    public static Encoding Gb18030 => Gb18030Strict.Value;

    /// <summary>UTF-8 unless more samples with non-ASCII bytes are invalid UTF-8 than valid, else GB18030.</summary>
    public static Encoding Detect(IEnumerable<byte[]> samples)
    {
        var valid = 0;
        var invalid = 0;
        foreach (var sample in samples.Where(s => !System.Text.Ascii.IsValid(s)))
        {
            _ = System.Text.Unicode.Utf8.IsValid(sample) ? valid++ : invalid++;
        }

        return invalid > valid ? Gb18030 : Utf8;
    }

    /// <summary>The text of <paramref name="bytes"/>, or null when they are not valid in <paramref name="encoding"/>.</summary>
    public static string? TryDecode(Encoding encoding, byte[] bytes)
    {
        if (ReferenceEquals(encoding, Utf8Strict))
        {
            return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The name used in messages.</summary>
    public static string NameOf(Encoding encoding) => ReferenceEquals(encoding, Utf8Strict) ? "UTF-8" : "GB18030";
}
