using System.Text;

namespace Fapiao.Formats.Tests.Support;

/// <summary>PDFs that cannot be read: encrypted with a password, damaged, cut off.</summary>
internal static class HostilePdfs
{
    /// <summary>A well-formed one-page PDF encrypted with the standard handler and a user password nobody knows.</summary>
    public static byte[] Encrypted()
    {
        var hex = Convert.ToHexString(Enumerable.Range(0, 32).Select(i => (byte)(i * 37 % 251)).ToArray());
        return WithXref(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hex}> /U <{hex}> >>",
            trailerExtra: $"/Encrypt 4 0 R /ID [<{hex[..32]}> <{hex[..32]}>]");
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
    private static byte[] WithXref(params string[] objects) => WithXref(objects, "");

    private static byte[] WithXref(string catalog, string pages, string page, string extra, string trailerExtra) =>
        WithXref([catalog, pages, page, extra], trailerExtra);

    private static byte[] WithXref(string[] objects, string trailerExtra)
    {
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
