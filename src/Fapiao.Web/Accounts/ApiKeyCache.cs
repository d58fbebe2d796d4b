using System.Collections.Concurrent;
using Fapiao.Accounts;

namespace Fapiao.Web.Accounts;

/// <summary>
/// Remembers keys found valid for a minute, so that a busy client does not cost a database read
/// per request. Entries are by the key's SHA-256 (the key itself is not kept); invalid keys are
/// never cached. The cache is bounded: when full it is cleared.
/// </summary>
internal sealed class ApiKeyCache(AccountService accounts, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> entries = new(StringComparer.Ordinal);

    public async ValueTask<Caller?> AuthenticateAsync(string key, CancellationToken ct)
    {
        var id = Convert.ToHexString(ApiKeys.Hash(key));
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(id, out var entry) && entry.Until > now)
        {
            return entry.Caller;
        }

        var caller = await accounts.AuthenticateKeyAsync(key, ct).ConfigureAwait(false);
        if (caller is not null)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[id] = (caller, now + Lifetime);
        }

        return caller;
    }
}
