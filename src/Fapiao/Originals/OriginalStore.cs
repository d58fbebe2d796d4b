using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Fapiao.Originals;

/// <summary>
/// The kept original files of one tenant, content-addressed in the data folder:
/// <c>originals/TENANT/ab/&lt;sha256&gt;</c>, each stored once per tenant (a per-tenant folder, so that a
/// hash known to one tenant never reaches another tenant's file). A file is copied in while it is hashed (so a stream read once, like standard
/// input, is kept too), flushed to disk, renamed into place and its folder flushed, all before any
/// event or quarantined item naming it is committed: a crash leaves at worst an original nobody
/// names, never a name without its original. Reads check the hash.
/// </summary>
internal sealed class OriginalStore(string folder, TimeProvider? clock = null)
{
    public const string FolderName = "originals";
    private const string TempFolderName = "tmp";

    /// <summary>A partial copy untouched this long was left by a process that died: no live copy pauses a day between writes.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    private bool swept;

    public string Folder { get; } = folder;

    /// <summary>The store of one tenant (a checked tenant name: a plain folder name) in a data folder.</summary>
    public static OriginalStore In(string dataDir, string tenant) => new(Path.Combine(dataDir, FolderName, tenant));

    public static bool IsSha256(string text) =>
        text.Length == 64 && !text.AsSpan().ContainsAnyExcept(LowerHex);

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public string PathOf(string sha256) =>
        IsSha256(sha256) ? Path.Combine(Folder, sha256[..2], sha256) : throw new ArgumentException("Not a lower-case SHA-256.", nameof(sha256));

    /// <summary>Copies <paramref name="input"/> to the end into the store and gives its SHA-256 and length; durable on return.</summary>
    public (string Sha256, long Length) Keep(Stream input)
    {
        var tempFolder = Path.Combine(Folder, TempFolderName);
        Directory.CreateDirectory(tempFolder);
        if (!swept)
        {
            SweepAbandoned(tempFolder);
            swept = true;
        }

        var temp = Path.Combine(tempFolder, Guid.NewGuid().ToString("N") + ".part");
        string sha;
        long length;
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                (sha, length) = CopyHashing(input, file);
                file.Flush(flushToDisk: true);
            }

            var target = PathOf(sha);
            if (File.Exists(target) && new FileInfo(target).Length == length)
            {
                return (sha, length);
            }

            var shard = Path.GetDirectoryName(target)!;
            var newShard = !Directory.Exists(shard);
            Directory.CreateDirectory(shard);
            // A kept file of the wrong length was damaged: the new copy has the right content, so it may replace it.
            File.Move(temp, target, overwrite: true);
            FlushFolder(shard);
            if (newShard)
            {
                FlushFolder(Folder);
                FlushFolder(Path.GetDirectoryName(Folder)!);
            }
        }
        finally
        {
            File.Delete(temp);
        }

        return (sha, length);
    }

    /// <summary>
    /// Removes the partial copies of processes killed while they copied a file in (nothing names
    /// them: a name is written only after its file is complete). Another process's copy in progress
    /// is written to all the time, so only files untouched for <see cref="AbandonedAfter"/> go.
    /// </summary>
    private void SweepAbandoned(string tempFolder)
    {
        var before = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime - AbandonedAfter;
        foreach (var part in Directory.EnumerateFiles(tempFolder, "*.part"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(part) < before)
                {
                    File.Delete(part);
                }
            }
            catch (IOException)
            {
                // Gone already, or still open somewhere: left for the next sweep.
            }
        }
    }

    /// <summary>Opens a kept original for reading, unchecked (the ingest that just kept it reads it back).</summary>
    public FileStream OpenRead(string sha256) =>
        new(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>Whether the original is there and its bytes still hash to its name.</summary>
    public OriginalState Check(string sha256)
    {
        if (!File.Exists(PathOf(sha256)))
        {
            return OriginalState.Missing;
        }

        using var file = OpenRead(sha256);
        return CopyHashing(file, Stream.Null).Sha256 == sha256 ? OriginalState.Sound : OriginalState.Tampered;
    }

    /// <summary>
    /// Writes the original to <paramref name="destination"/> after checking it, and checks the bytes
    /// written again; false (with nothing or a partial copy written) when it is missing or tampered.
    /// </summary>
    public OriginalState CopyTo(string sha256, Stream destination)
    {
        var state = Check(sha256);
        if (state != OriginalState.Sound)
        {
            return state;
        }

        using var file = OpenRead(sha256);
        return CopyHashing(file, destination).Sha256 == sha256 ? OriginalState.Sound : OriginalState.Tampered;
    }

    private static (string Sha256, long Length) CopyHashing(Stream from, Stream to)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long length = 0;
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            to.Write(buffer, 0, read);
            length += read;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    /// <summary>A rename is durable only once its folder is flushed (POSIX); Windows has no such call and needs none.</summary>
    private static void FlushFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(path, 0);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the folder {path} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Flushing the folder {path} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport, not LibraryImport: the core builds without unsafe code, and these signatures need no marshalling stubs.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}

/// <summary>What a check of a kept original found.</summary>
internal enum OriginalState
{
    Sound,
    Missing,
    Tampered,
}
