using Fapiao.Formats.Exports;

namespace Fapiao.Ingest.Inputs;

/// <summary>
/// Decides the format from the content, never from the file name: a zip (PK) is an OFD file; a
/// UTF-16 byte order mark or a first '&lt;' is an XML file; a JSON array is JSON; a first
/// line that holds one complete object is JSON Lines (else one pretty-printed object); lines that
/// start like a QR string ("01,") are QR content; a zip of xl/ entries is XLSX; text naming a
/// platform export's columns (发票号码, 开票日期) is CSV; anything else is read as JSON Lines, so every
/// line gets its own error instead of the file failing whole. Whole-file formats (PDF, images)
/// are recognised before this by the <see cref="IFileReader"/>s the host registered.
/// </summary>
internal static class FormatDetector
{
    public static InputFormat Detect(ReadOnlySpan<byte> head)
    {
        // An XLSX workbook is a zip too: look for its xl/ parts before calling any zip an OFD file.
        if (ExportSniffer.LooksLikeXlsx(head))
        {
            return InputFormat.Xlsx;
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return InputFormat.Ofd;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return InputFormat.Xml;
        }

        var text = head;
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return InputFormat.JsonLines;
        }

        if (text[0] == (byte)'<')
        {
            return InputFormat.Xml;
        }

        if (text[0] == (byte)'[')
        {
            return InputFormat.Json;
        }

        if (text[0] == (byte)'{')
        {
            var newline = text.IndexOf((byte)'\n');
            var firstLine = newline < 0 ? text : text[..newline];
            return IsCompleteObject(firstLine) ? InputFormat.JsonLines : InputFormat.Json;
        }

        if (ExportSniffer.LooksLikeCsvExport(text))
        {
            return InputFormat.Csv;
        }

        return text.Length >= 3 && char.IsAsciiDigit((char)text[0]) && char.IsAsciiDigit((char)text[1]) && text[2] == (byte)','
            ? InputFormat.Qr
            : InputFormat.JsonLines;
    }

    /// <summary>True when the braces of the line balance (outside strings), i.e. it holds a whole object.</summary>
    private static bool IsCompleteObject(ReadOnlySpan<byte> line)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"': inString = true; break;
                case (byte)'{' or (byte)'[': depth++; break;
                case (byte)'}' or (byte)']': depth--; break;
            }
        }

        return depth == 0;
    }
}
