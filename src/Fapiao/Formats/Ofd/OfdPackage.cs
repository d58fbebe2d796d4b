using System.IO.Compression;
using Fapiao.Validation;

namespace Fapiao.Formats.Ofd;

/// <summary>
/// The zip container of an OFD file, opened as untrusted input: a bounded number of entries, no
/// entry name that is absolute or climbs out (<c>..</c>), and every part read with its size
/// counted as it streams out of the decompressor (the sizes in the headers are not believed):
/// one part, all parts together and the compression ratio are each bounded. Never throws on bad input.
/// </summary>
internal sealed class OfdPackage : IDisposable
{
    public const int MaxEntries = 1_000;
    public const long MaxPartBytes = 16 << 20;
    public const long MaxTotalBytes = 64 << 20;

    /// <summary>Real XML parts compress about 10:1; a bomb's compress 1000:1.</summary>
    public const int MaxRatio = 200;

    /// <summary>Below this size the ratio is not looked at: tiny parts compress to almost nothing.</summary>
    public const long RatioFloorBytes = 1 << 20;

    private readonly ZipArchive archive;
    private readonly Dictionary<string, ZipArchiveEntry> entries;
    private long totalRead;

    private OfdPackage(ZipArchive archive, Dictionary<string, ZipArchiveEntry> entries)
    {
        this.archive = archive;
        this.entries = entries;
    }

    public static OfdPackage? Open(byte[] bytes, List<Problem> problems)
    {
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                problems.Add(Problem.Error(ErrorCodes.ZipTooManyEntries, "$", $"The zip has {archive.Entries.Count} entries; an OFD invoice needs a few dozen and the limit is {MaxEntries}."));
                archive.Dispose();
                return null;
            }

            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                if (!IsSafeName(entry.FullName))
                {
                    problems.Add(Problem.Error(ErrorCodes.ZipPath, "$", $"The zip entry \"{TextLimits.Printable(entry.FullName)}\" has an absolute or climbing path."));
                    archive.Dispose();
                    return null;
                }

                entries.TryAdd(entry.FullName, entry);
            }

            return new OfdPackage(archive, entries);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            archive?.Dispose();
            problems.Add(Problem.Error(ErrorCodes.ZipCorrupt, "$", $"Not a readable zip (OFD) file: {TextLimits.Printable(ex.Message)}"));
            return null;
        }
    }

    /// <summary>True when the package holds a part of that name.</summary>
    public bool Contains(string path) => entries.ContainsKey(path);

    /// <summary>
    /// The bytes of a part, or null: when it is absent (no problem added), or broken or too large
    /// (a <c>zip.corrupt</c> or <c>zip.bomb</c> error added, and <see cref="Failed"/> set).
    /// </summary>
    public byte[]? Read(string path, List<Problem> problems)
    {
        if (Failed || !entries.TryGetValue(path, out var entry))
        {
            return null;
        }

        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            long read = 0;
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                read += n;
                totalRead += n;
                if (Bomb(path, read, entry.CompressedLength) is { } message)
                {
                    Failed = true;
                    problems.Add(Problem.Error(ErrorCodes.ZipBomb, path, message));
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            Failed = true;
            problems.Add(Problem.Error(ErrorCodes.ZipCorrupt, path, $"The part cannot be decompressed: {TextLimits.Printable(ex.Message)}"));
            return null;
        }
    }

    /// <summary>True once a part was refused: the file is not read further.</summary>
    public bool Failed { get; private set; }

    public void Dispose() => archive.Dispose();

    private string? Bomb(string path, long read, long compressed)
    {
        if (read > MaxPartBytes)
        {
            return $"The part {TextLimits.Printable(path)} decompresses to more than {MaxPartBytes} bytes.";
        }

        if (totalRead > MaxTotalBytes)
        {
            return $"The parts read decompress to more than {MaxTotalBytes} bytes together.";
        }

        return read > RatioFloorBytes && read > MaxRatio * Math.Max(compressed, 1)
            ? $"The part {TextLimits.Printable(path)} decompresses more than {MaxRatio} times its compressed size ({compressed} bytes)."
            : null;
    }

    /// <summary>Relative, forward slashes, no empty, "." or ".." segment, no drive letter.</summary>
    private static bool IsSafeName(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = name.TrimEnd('/').Split('/');
        return segments.All(s => s.Length > 0 && s != "." && s != "..");
    }
}
