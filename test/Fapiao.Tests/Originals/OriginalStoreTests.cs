using System.Security.Cryptography;
using System.Text;
using Fapiao.Ingest.Inputs;
using Fapiao.Originals;
using Fapiao.Tests.Support;

namespace Fapiao.Tests.Originals;

public sealed class OriginalStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("fapiao-originals-").FullName;

    private OriginalStore CreateSut() => new(Path.Combine(folder, "originals", "acme"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public void Keep_StreamThatCannotSeek_IsStoredUnderItsSha256ByteForByte()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var store = CreateSut();

        var (sha256, length) = store.Keep(new ReplayStream([], new MemoryStream(bytes)));

        sha256.ShouldBe(Sha256(bytes));
        length.ShouldBe(bytes.Length);
        File.ReadAllBytes(Path.Combine(store.Folder, sha256[..2], sha256)).ShouldBe(bytes);
    }

    [Fact]
    public void Keep_FirstCopy_RemovesPartialCopiesUntouchedForADay_AndLeavesOneInProgress()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var store = new OriginalStore(Path.Combine(folder, "originals", "acme"), new FixedClock(now));
        var tmp = Directory.CreateDirectory(Path.Combine(store.Folder, "tmp")).FullName;
        var abandoned = Path.Combine(tmp, "abandoned.part");
        var inProgress = Path.Combine(tmp, "in-progress.part");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(inProgress, [4, 5, 6]);
        File.SetLastWriteTimeUtc(abandoned, (now - OriginalStore.AbandonedAfter - TimeSpan.FromMinutes(1)).UtcDateTime);
        File.SetLastWriteTimeUtc(inProgress, (now - TimeSpan.FromHours(1)).UtcDateTime);

        var (sha256, _) = store.Keep(new MemoryStream("kept"u8.ToArray()));

        File.Exists(abandoned).ShouldBeFalse();
        File.Exists(inProgress).ShouldBeTrue("another process may still be writing it");
        File.Exists(store.PathOf(sha256)).ShouldBeTrue();
    }

    [Fact]
    public void Keep_SameContentTwice_StoresOneFileAndLeavesNoTemporaryFile()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"number\":\"1\"}\n");
        var store = CreateSut();

        var first = store.Keep(new MemoryStream(bytes));
        var second = store.Keep(new MemoryStream(bytes));

        second.ShouldBe(first);
        Directory.GetFiles(store.Folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ShouldBe([first.Sha256]);
    }

    [Fact]
    public void Keep_KeptCopyOfTheWrongLength_IsReplacedByTheRightContent()
    {
        var bytes = Encoding.UTF8.GetBytes("original content");
        var store = CreateSut();
        var (sha256, _) = store.Keep(new MemoryStream(bytes));
        File.WriteAllBytes(store.PathOf(sha256), bytes[..5]);

        store.Keep(new MemoryStream(bytes));

        store.Check(sha256).ShouldBe(OriginalState.Sound);
    }

    [Fact]
    public void CopyTo_SoundOriginal_WritesItByteForByte()
    {
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        var store = CreateSut();
        var (sha256, _) = store.Keep(new MemoryStream(bytes));
        using var copy = new MemoryStream();

        store.CopyTo(sha256, copy).ShouldBe(OriginalState.Sound);

        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public void CopyTo_ChangedOriginal_IsTamperedAndWritesNothing()
    {
        var bytes = Encoding.UTF8.GetBytes("invoice bytes");
        var store = CreateSut();
        var (sha256, _) = store.Keep(new MemoryStream(bytes));
        File.WriteAllBytes(store.PathOf(sha256), Encoding.UTF8.GetBytes("invoice bytez"));
        using var copy = new MemoryStream();

        store.CopyTo(sha256, copy).ShouldBe(OriginalState.Tampered);

        copy.Length.ShouldBe(0);
    }

    [Fact]
    public void Check_UnknownHash_IsMissing() =>
        CreateSut().Check(Sha256([1, 2, 3])).ShouldBe(OriginalState.Missing);

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("abc")]
    public void PathOf_NotALowerCaseSha256_IsRefused(string name) =>
        Should.Throw<ArgumentException>(() => CreateSut().PathOf(name));
}
