using System.Globalization;

namespace Fapiao.Sqlite.Tests;

public sealed class KeyFilterTests
{
    private static string Key(int i) => "4403261130:" + i.ToString("D8", CultureInfo.InvariantCulture);

    [Fact]
    public void MayContain_EveryAddedKey_IsTrue()
    {
        var filter = new KeyFilter(100_000);
        for (var i = 0; i < 100_000; i += 3)
        {
            filter.Add(Key(i));
        }

        for (var i = 0; i < 100_000; i += 3)
        {
            filter.MayContain(Key(i)).ShouldBeTrue(Key(i));
        }
    }

    [Fact]
    public void MayContain_KeysNeverAdded_IsFalseForNearlyAllAtCapacity()
    {
        var filter = new KeyFilter(50_000);
        for (var i = 0; i < 50_000; i++)
        {
            filter.Add(Key(2 * i));
        }

        var falsePositives = Enumerable.Range(0, 50_000).Count(i => filter.MayContain(Key((2 * i) + 1)));

        // 16 bits and 4 probes a key: about 0.25% expected; 1% leaves room without hiding a broken hash.
        falsePositives.ShouldBeLessThan(500);
        filter.IsFull.ShouldBeFalse();
    }

    [Fact]
    public void IsFull_PastItsCapacity_IsTrue()
    {
        var filter = new KeyFilter(1024);
        for (var i = 0; i <= 1024; i++)
        {
            filter.Add(Key(i));
        }

        filter.IsFull.ShouldBeTrue();
    }
}
