using System.Text.Json;

namespace Fapiao.Tests.Ledger.Support;

/// <summary>
/// The shared RFC 6962 / 9162 proof vectors (transparency-dev testdata) in
/// <c>shared/fixtures/merkle-vectors</c> beside the clone.
/// </summary>
internal static class MerkleVectors
{
    /// <summary>How many vector files there are; a smaller number means a broken checkout.</summary>
    public const int FileCount = 196;

    /// <summary>
    /// The vectors folder, found from the folder holding Fapiao.slnx so that any clone with
    /// shared/ beside it works. A missing folder throws: the vectors must never be skipped.
    /// </summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>The vector files under inclusion/ or consistency/, as paths relative to <see cref="Folder"/>.</summary>
    public static IEnumerable<string> Files(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Folder, kind), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static JsonElement Read(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, relativePath)));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A size or index. The vectors hold uint64 values, and "leafIdx - 1" from 0 wrapped to
    /// 2^64 - 1; read as the same 64 bits it is -1, just as far out of range for a long.
    /// </summary>
    public static long Int64(JsonElement vector, string name) => unchecked((long)vector.GetProperty(name).GetUInt64());

    /// <summary>A base64 field; null and "" both give no bytes.</summary>
    public static byte[] Bytes(JsonElement vector, string name) =>
        vector.GetProperty(name).ValueKind == JsonValueKind.Null ? [] : vector.GetProperty(name).GetBytesFromBase64();

    /// <summary>The proof field; null means an empty proof.</summary>
    public static List<byte[]> Proof(JsonElement vector) =>
        vector.GetProperty("proof").ValueKind == JsonValueKind.Null
            ? []
            : [.. vector.GetProperty("proof").EnumerateArray().Select(e => e.GetBytesFromBase64())];

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fapiao.slnx")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "merkle-vectors"));
                return Directory.Exists(folder)
                    ? folder
                    : throw new DirectoryNotFoundException($"Merkle test vectors not found at {folder}.");
            }
        }

        throw new DirectoryNotFoundException($"No Fapiao.slnx above {AppContext.BaseDirectory}.");
    }
}
