using System.IO.Compression;

namespace Fapiao.Formats.Xlsx;

/// <summary>
/// Checks an XLSX file before a workbook reader unpacks it: an uploaded file is untrusted, so the
/// number of entries, the unpacked size and the compression ratio are bounded (a zip bomb fails
/// here). Sizes are those the zip directory declares.
/// </summary>
internal static class XlsxPackageGuard
{
    public const int MaxEntries = 10_000;
    public const long MaxUnpackedBytes = 4L << 30;

    /// <summary>Sheet XML compresses well, but not a thousandfold.</summary>
    public const long MaxRatio = 1_000;

    /// <summary>Null when the package may be read; otherwise why not.</summary>
    public static string? Check(Stream seekable)
    {
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return $"The file holds {zip.Entries.Count} zip entries; a workbook has far fewer (limit {MaxEntries}).";
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes)
                {
                    return $"The file unpacks to more than {MaxUnpackedBytes} bytes.";
                }

                if (entry.Length > (1 << 20) && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio)
                {
                    return $"The entry {entry.FullName} unpacks more than {MaxRatio} times its size.";
                }
            }

            return zip.GetEntry("xl/workbook.xml") is null ? "The zip holds no xl/workbook.xml: it is not an XLSX workbook." : null;
        }
        catch (InvalidDataException ex)
        {
            return "The file is not a readable zip: " + ex.Message;
        }
        finally
        {
            seekable.Position = 0;
        }
    }
}
