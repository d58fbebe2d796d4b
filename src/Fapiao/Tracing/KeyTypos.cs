using System.Globalization;
using Fapiao.Reconciliation;

namespace Fapiao.Tracing;

/// <summary>The keys one typing mistake away from a key (a digit, two adjacent digits swapped, code and number exchanged), and the test whether two keys are.</summary>
internal static class KeyTypos
{
    public static IEnumerable<(string Key, string Reason, string Detail)> Variants(string key)
    {
        var chars = key.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            for (var d = '0'; d <= '9'; d++)
            {
                if (d != c)
                {
                    chars[i] = d;
                    yield return (new string(chars), SuggestionReasons.OneDigit, string.Create(CultureInfo.InvariantCulture, $"character {i + 1}: {c} asked, {d} found"));
                }
            }

            chars[i] = c;
        }

        for (var i = 0; i + 1 < chars.Length; i++)
        {
            var (a, b) = (chars[i], chars[i + 1]);
            if (a != b && char.IsAsciiDigit(a) && char.IsAsciiDigit(b))
            {
                (chars[i], chars[i + 1]) = (b, a);
                yield return (new string(chars), SuggestionReasons.AdjacentSwap, string.Create(CultureInfo.InvariantCulture, $"characters {i + 1}–{i + 2}: {a}{b} asked, {b}{a} found"));
                (chars[i], chars[i + 1]) = (a, b);
            }
        }

        var hyphen = key.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0)
        {
            yield return (string.Concat(key.AsSpan(hyphen + 1), "-", key.AsSpan(0, hyphen)), SuggestionReasons.CodeNumberExchanged, "code and number exchanged");
        }
    }

    /// <summary>How <paramref name="other"/> is one typing mistake from <paramref name="key"/>, or null.</summary>
    public static (string Reason, string Detail)? Relate(string key, string other)
    {
        if (key.Length == other.Length)
        {
            var diff = new List<int>(3);
            for (var i = 0; i < key.Length && diff.Count < 3; i++)
            {
                if (key[i] != other[i])
                {
                    diff.Add(i);
                }
            }

            if (diff.Count == 1)
            {
                var i = diff[0];
                return (SuggestionReasons.OneDigit, string.Create(CultureInfo.InvariantCulture, $"character {i + 1}: {key[i]} asked, {other[i]} found"));
            }

            if (diff.Count == 2 && diff[1] == diff[0] + 1 && key[diff[0]] == other[diff[1]] && key[diff[1]] == other[diff[0]])
            {
                return (SuggestionReasons.AdjacentSwap, string.Create(CultureInfo.InvariantCulture, $"characters {diff[0] + 1}–{diff[1] + 1} swapped"));
            }
        }

        var hyphen = key.IndexOf('-', StringComparison.Ordinal);
        return hyphen > 0 && other == string.Concat(key.AsSpan(hyphen + 1), "-", key.AsSpan(0, hyphen))
            ? (SuggestionReasons.CodeNumberExchanged, "code and number exchanged")
            : null;
    }
}
