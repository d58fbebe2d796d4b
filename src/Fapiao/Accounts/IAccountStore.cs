namespace Fapiao.Accounts;

/// <summary>
/// The accounts port: API keys and users, implemented by every store beside its ledger tables.
/// Keys and users are found by their id or login name (a login does not name its tenant); each
/// row names its tenant and the caller built from it acts in that tenant only.
/// </summary>
internal interface IAccountStore
{
    /// <summary>Adds a key; false when the id exists already.</summary>
    ValueTask<bool> AddApiKeyAsync(ApiKeyRecord key, CancellationToken ct);

    ValueTask<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken ct);

    ValueTask<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string tenant, CancellationToken ct);

    /// <summary>Adds a user, or with <paramref name="replace"/> replaces the user's tenant, role and password; false when the name is taken and not replaced.</summary>
    ValueTask<bool> SaveUserAsync(UserRecord user, bool replace, CancellationToken ct);

    ValueTask<UserRecord?> FindUserAsync(string name, CancellationToken ct);

    ValueTask<IReadOnlyList<UserRecord>> ListUsersAsync(string tenant, CancellationToken ct);
}
