using System.IO.Compression;
using Fapiao.Tests.Support;

namespace Fapiao.Tests.Formats.Ofd;

/// <summary>The real OFD files of the shared fixtures, and zips built or rewritten in memory from them.</summary>
internal static class OfdFixtures
{
    public const string Legacy = "legacy-einvoice-2020.ofd";
    public const string Shudian = "shudian-special-2024.ofd";
    public const string Xbrl = "xbrl-attachment-2022.ofd";

    public static IReadOnlyList<string> All { get; } = [Legacy, Shudian, Xbrl];

    public static byte[] Bytes(string name) => File.ReadAllBytes(SharedFixtures.PathOf("ofd", name));

    /// <summary>A zip of the given entries, deflated.</summary>
    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(data);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A fixture's entries, changed by <paramref name="edit"/> (return null to drop one), zipped again.</summary>
    public static byte[] Rewrite(string fixture, Func<string, byte[], byte[]?> edit)
    {
        using var source = new ZipArchive(new MemoryStream(Bytes(fixture)), ZipArchiveMode.Read);
        var kept = new List<(string, byte[])>();
        foreach (var entry in source.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (edit(entry.FullName, copy.ToArray()) is { } data)
            {
                kept.Add((entry.FullName, data));
            }
        }

        return Zip([.. kept]);
    }
}
