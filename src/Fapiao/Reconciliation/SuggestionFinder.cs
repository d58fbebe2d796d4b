using System.Globalization;

namespace Fapiao.Reconciliation;

/// <summary>
/// Pairs of unmatched keys, one from each side, that are probably one invoice: a key one digit
/// off, two adjacent digits swapped, code and number exchanged, or a different key with the same
/// seller, issue date and total. Typing mistakes are found by looking each variant of a left key
/// up in the right side's keys (about 200 look-ups a key, no allocation), not by comparing every
/// pair. Above <see cref="MaxUnmatched"/> keys on a side the search is skipped (and said so).
/// </summary>
internal static class SuggestionFinder
{
    public const int MaxUnmatched = 1_000_000;

    public static List<Suggestion> Find(IReadOnlyList<ReconRecord> left, IReadOnlyList<ReconRecord> right, out bool skipped)
    {
        var found = new List<Suggestion>();
        skipped = left.Count > MaxUnmatched || right.Count > MaxUnmatched;
        if (skipped || left.Count == 0 || right.Count == 0)
        {
            return found;
        }

        var rightKeys = new Dictionary<string, ReconRecord>(StringComparer.Ordinal);
        foreach (var r in right)
        {
            rightKeys.TryAdd(r.Key, r);
        }

        var lookup = rightKeys.GetAlternateLookup<ReadOnlySpan<char>>();
        var paired = new HashSet<(string, string)>();
        Span<char> buffer = stackalloc char[128];
        foreach (var l in left)
        {
            if (l.Key.Length <= buffer.Length)
            {
                Typos(l, buffer[..l.Key.Length], lookup, paired, found);
            }
        }

        // Same seller, date and total only where that is unambiguous: one such key on each side, neither explained by a typo.
        var typed = new HashSet<string>(paired.SelectMany(p => new[] { p.Item1, p.Item2 }), StringComparer.Ordinal);
        var leftBy = Unambiguous(left, typed);
        foreach (var (tuple, r) in Unambiguous(right, typed))
        {
            if (leftBy.TryGetValue(tuple, out var l))
            {
                var (s, d, t) = tuple;
                Add(found, paired, l.Key, r.Key, SuggestionReasons.SameSellerDateTotal,
                    $"seller {s}, issued {RecordComparer.Date(d)}, total {RecordComparer.MoneyText(t)} on both");
            }
        }

        return found;
    }

    /// <summary>
    /// Keys one typing mistake apart are often two invoices (sequential numbers are one digit apart
    /// all the time): a pair is suggested only when every field both rows state, but the state,
    /// agrees (date, seller, buyer, amounts).
    /// </summary>
    private static void Typos(ReconRecord left, Span<char> buffer, Dictionary<string, ReconRecord>.AlternateLookup<ReadOnlySpan<char>> lookup, HashSet<(string, string)> paired, List<Suggestion> found)
    {
        var key = left.Key;
        key.AsSpan().CopyTo(buffer);
        bool Same(ReconRecord other) => RecordComparer.Differences(left, other).TrueForAll(f => f.Field == "state");
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = buffer[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            for (var d = '0'; d <= '9'; d++)
            {
                if (d == c)
                {
                    continue;
                }

                buffer[i] = d;
                if (lookup.TryGetValue(buffer, out var match) && Same(match))
                {
                    Add(found, paired, key, match.Key, SuggestionReasons.OneDigit, string.Create(CultureInfo.InvariantCulture, $"character {i + 1}: {c} here, {d} there"));
                }
            }

            buffer[i] = c;
        }

        for (var i = 0; i + 1 < buffer.Length; i++)
        {
            var (a, b) = (buffer[i], buffer[i + 1]);
            if (a == b || !char.IsAsciiDigit(a) || !char.IsAsciiDigit(b))
            {
                continue;
            }

            (buffer[i], buffer[i + 1]) = (b, a);
            if (lookup.TryGetValue(buffer, out var match) && Same(match))
            {
                Add(found, paired, key, match.Key, SuggestionReasons.AdjacentSwap, string.Create(CultureInfo.InvariantCulture, $"characters {i + 1}–{i + 2}: {a}{b} here, {b}{a} there"));
            }

            (buffer[i], buffer[i + 1]) = (a, b);
        }

        var hyphen = key.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && lookup.TryGetValue(string.Concat(key.AsSpan(hyphen + 1), "-", key.AsSpan(0, hyphen)), out var exchanged) && Same(exchanged))
        {
            Add(found, paired, key, exchanged.Key, SuggestionReasons.CodeNumberExchanged, "the code of one is the number of the other");
        }
    }

    /// <summary>Records by (seller, date, total), keeping only tuples held by exactly one record not already paired.</summary>
    private static Dictionary<(string, DateOnly, decimal), ReconRecord> Unambiguous(IReadOnlyList<ReconRecord> records, HashSet<string> typed)
    {
        var by = new Dictionary<(string, DateOnly, decimal), ReconRecord?>();
        foreach (var r in records)
        {
            if (r.SellerTaxId is { } s && r.IssueDate is { } d && r.Total is { } t)
            {
                // A second record with the same tuple makes it ambiguous (null), whether or not either was typed.
                by[(s, d, t)] = by.ContainsKey((s, d, t)) ? null : r;
            }
        }

        return by.Where(x => x.Value is not null && !typed.Contains(x.Value.Key)).ToDictionary(x => x.Key, x => x.Value!);
    }

    private static void Add(List<Suggestion> found, HashSet<(string, string)> paired, string left, string right, string reason, string detail)
    {
        if (paired.Add((left, right)))
        {
            found.Add(new Suggestion(left, right, reason, detail));
        }
    }
}
