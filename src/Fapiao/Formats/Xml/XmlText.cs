using System.Text;
using Fapiao.Validation;

namespace Fapiao.Formats.Xml;

/// <summary>
/// Turns the bytes of an XML file into text, strictly: a byte order mark or the declaration's
/// <c>encoding</c> decides (UTF-8 when neither says), and bytes that are not valid in that
/// encoding are an error, never replaced. GB18030 (and its subsets GBK, GB2312) is read too,
/// as Chinese issuing software writes it.
/// </summary>
internal static class XmlText
{
    private const int Gb18030CodePage = 54936;

    public static string? Decode(ReadOnlySpan<byte> bytes, string place, List<Problem> problems)
    {
        Encoding? encoding;
        var body = bytes;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = new UTF8Encoding(false, true);
            body = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[(byte)'<', 0]))
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            body = bytes[0] == 0xFF ? bytes[2..] : bytes;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, (byte)'<']))
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            body = bytes[0] == 0xFE ? bytes[2..] : bytes;
        }
        else
        {
            var declared = DeclaredEncoding(bytes);
            encoding = declared switch
            {
                null or "utf-8" or "utf8" => new UTF8Encoding(false, true),
                "gb18030" or "gbk" or "gb2312" or "cp936" => CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
                _ => null,
            };
            if (encoding is null)
            {
                problems.Add(Problem.Error(ErrorCodes.EncodingUnsupported, place, $"The XML declares the encoding \"{TextLimits.Printable(declared ?? "")}\"; only UTF-8, UTF-16 and GB18030 (GBK) are read."));
                return null;
            }
        }

        try
        {
            return encoding.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(Problem.Error(ErrorCodes.EncodingInvalid, place, $"The bytes are not valid {encoding.WebName} (at byte {ex.Index}): the file is corrupted or mislabelled."));
            return null;
        }
    }

    /// <summary>The lower-cased <c>encoding</c> of an ASCII-compatible XML declaration, or null without one.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith("<?xml"u8))
        {
            return null;
        }

        var head = bytes[..Math.Min(bytes.Length, 256)];
        var end = head.IndexOf("?>"u8);
        if (end < 0)
        {
            return null;
        }

        var declaration = Encoding.ASCII.GetString(head[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart(' ', '\t', '\r', '\n', '=');
        if (rest.Length < 2 || rest[0] is not ('"' or '\''))
        {
            return "?";
        }

        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? "?" : rest[1..close].Trim().ToLowerInvariant();
    }
}
