namespace Fapiao.Storage;

/// <summary>
/// The invoice keys k with <see cref="After"/> &lt; k &lt;= <see cref="UpTo"/> in ordinal (byte) order;
/// a null bound is open. Events without a key belong to the range without a lower bound, where
/// they sort first. Ranges that share a bound split a tenant's keys without gap or overlap.
/// </summary>
internal readonly record struct KeyRange(string? After, string? UpTo)
{
    /// <summary>Every key.</summary>
    public static KeyRange All => default;

    /// <summary>Splits all keys at the given keys (sorted, ordinal): n keys give n + 1 ranges, in key order.</summary>
    public static IReadOnlyList<KeyRange> SplitAt(IReadOnlyList<string> splits)
    {
        var ranges = new List<KeyRange>(splits.Count + 1);
        string? after = null;
        foreach (var split in splits)
        {
            ranges.Add(new KeyRange(after, split));
            after = split;
        }

        ranges.Add(new KeyRange(after, null));
        return ranges;
    }
}
