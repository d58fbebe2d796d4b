using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fapiao.Reconciliation;

namespace Fapiao.Tests.Reconciliation;

public class ReconKeyTests
{
    private static readonly Arbitrary<string> Keys =
        Gen.Elements("0123456789-ABZaz~!".ToCharArray()).ArrayOf().Where(a => a.Length is > 0 and <= ReconKey.MaxLength).Select(a => new string(a)).ToArbitrary();

    [Property]
    public Property TryPack_PrintableAsciiUpTo24_RoundTripsAndSortsOrdinally() =>
        Prop.ForAll(Keys, Keys, (a, b) =>
        {
            ReconKey.TryPack(a, out var a0, out var a1, out var a2).ShouldBeTrue();
            ReconKey.TryPack(b, out var b0, out var b1, out var b2).ShouldBeTrue();
            var packed = (a0, a1, a2).CompareTo((b0, b1, b2));
            return ReconKey.Unpack(a0, a1, a2) == a && Math.Sign(packed) == Math.Sign(string.CompareOrdinal(a, b));
        });

    [Theory]
    [InlineData("")]
    [InlineData("1234567890123456789012345")]
    [InlineData("２４１１２")]
    [InlineData("2411 2000")]
    [InlineData("2411\u00002000")]
    public void TryPack_LongEmptyOrNotPrintableAscii_DoesNotPack(string key)
    {
        ReconKey.TryPack(key, out _, out _, out _).ShouldBeFalse();
        ReconKey.TryPack(System.Text.Encoding.UTF8.GetBytes(key), out _, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryPack_ShudianAndLegacyKeys_Pack()
    {
        ReconKey.TryPack("24112000000000012345", out var a0, out var a1, out var a2).ShouldBeTrue();
        ReconKey.TryPack("044031900111-12345678", out var b0, out var b1, out var b2).ShouldBeTrue();

        ReconKey.Unpack(a0, a1, a2).ShouldBe("24112000000000012345");
        ReconKey.Unpack(b0, b1, b2).ShouldBe("044031900111-12345678");
    }
}
