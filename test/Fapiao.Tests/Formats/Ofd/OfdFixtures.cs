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
    public static byte[] Zip(params (string Name, byte[] Data)[] entries) => Zip(CompressionLevel.Fastest, entries);

    public static byte[] Zip(CompressionLevel level, IEnumerable<(string Name, byte[] Data)> entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(data);
            }
        }

        return memory.ToArray();
    }

    /// <summary>The entries of a (trusted, test-made) zip with their bytes, folders left out.</summary>
    public static List<(string Name, byte[] Data)> Entries(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>();
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add((entry.FullName, copy.ToArray()));
        }

        return entries;
    }

    /// <summary>A fixture's entries, changed by <paramref name="edit"/> (return null to drop one), zipped again.</summary>
    public static byte[] Rewrite(string fixture, Func<string, byte[], byte[]?> edit) =>
        Zip([.. Entries(Bytes(fixture)).Select(e => (e.Name, Data: edit(e.Name, e.Data))).Where(e => e.Data is not null).Select(e => (e.Name, e.Data!))]);
}
