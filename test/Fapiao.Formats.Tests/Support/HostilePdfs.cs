using System.IO.Compression;
using System.Text;

namespace Fapiao.Formats.Tests.Support;

/// <summary>PDFs that cannot or must not be read: encrypted with a password, damaged, decompression bombs.</summary>
internal static class HostilePdfs
{
    private const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    private const string Pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

    /// <summary>A well-formed one-page PDF encrypted with the standard handler and a user password nobody knows.</summary>
    public static byte[] Encrypted()
    {
        var hex = Convert.ToHexString(Enumerable.Range(0, 32).Select(i => (byte)(i * 37 % 251)).ToArray());
        return WithXref(
            [Ascii(Catalog), Ascii(Pages), Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"),
             Ascii($"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hex}> /U <{hex}> >>")],
            $"/Encrypt 4 0 R /ID [<{hex[..32]}> <{hex[..32]}>]");
    }

    /// <summary>A one-page PDF whose page content is a Flate stream of a few hundred kilobytes that inflates to <paramref name="inflatedBytes"/>.</summary>
    public static byte[] FlateBomb(int inflatedBytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var left = inflatedBytes; left > 0; left -= zeros.Length)
            {
                zlib.Write(zeros, 0, Math.Min(left, zeros.Length));
            }
        }

        var data = compressed.ToArray();
        byte[] stream = [.. Ascii($"<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n"), .. data, .. Ascii("\nendstream")];
        return WithXref([Ascii(Catalog), Ascii(Pages), Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"), stream], "");
    }

    /// <summary>The PDF header, then reproducible garbage.</summary>
    public static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(5).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A PDF of the given objects (1 is the catalog) with a correct cross-reference table.</summary>
    private static byte[] WithXref(byte[][] objects, string trailerExtra)
    {
        var pdf = new List<byte>(Ascii("%PDF-1.7\n"));
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Count);
            pdf.AddRange(Ascii($"{i + 1} 0 obj\n"));
            pdf.AddRange(objects[i]);
            pdf.AddRange(Ascii("\nendobj\n"));
        }

        var xref = new StringBuilder($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            xref.Append($"{offset:D10} 00000 n \n");
        }

        xref.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{pdf.Count}\n%%EOF\n");
        pdf.AddRange(Ascii(xref.ToString()));
        return [.. pdf];
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
