namespace Fapiao.Tests.Ledger.Support;

/// <summary>
/// The number of leaves of a random tree in a property: 1 to <see cref="Max"/>, uniformly, so
/// that every shape of right edge up to nine levels comes up (see <see cref="LedgerArbitraries"/>).
/// </summary>
public readonly record struct LeafCount(int Value)
{
    public const int Max = 300;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
