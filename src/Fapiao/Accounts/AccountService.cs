using System.Text.RegularExpressions;
using Fapiao.Storage;

namespace Fapiao.Accounts;

/// <summary>The account use cases: tenants, API keys and users, and turning a key or a login into a <see cref="Caller"/>.</summary>
internal sealed partial class AccountService(ILedgerStore ledger, IAccountStore accounts, TimeProvider clock)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>Tenant and user names: 1–63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public static bool IsValidName(string name) => Name().IsMatch(name);

    public async ValueTask<bool> CreateTenantAsync(string tenant, CancellationToken ct)
    {
        CheckName(tenant, "tenant");
        return await ledger.CreateTenantAsync(tenant, clock.GetUtcNow(), ct).ConfigureAwait(false);
    }

    /// <summary>A new key for the tenant; the key itself is returned this once and never stored.</summary>
    public async ValueTask<(string Key, ApiKeyRecord Record)> CreateApiKeyAsync(string tenant, Role role, CancellationToken ct)
    {
        await RequireTenantAsync(tenant, ct).ConfigureAwait(false);
        while (true)
        {
            var (key, id, hash) = ApiKeys.Generate();
            var record = new ApiKeyRecord(id, tenant, role, hash, clock.GetUtcNow());
            if (await accounts.AddApiKeyAsync(record, ct).ConfigureAwait(false))
            {
                return (key, record);
            }
        }
    }

    /// <summary>Adds a user (or, with <paramref name="replace"/>, sets its tenant, role and password); false when the name is taken.</summary>
    public async ValueTask<bool> SaveUserAsync(string name, string tenant, Role role, string password, bool replace, CancellationToken ct)
    {
        CheckName(name, "user");
        if (password.Length < Passwords.MinLength)
        {
            throw new ArgumentException($"A password needs at least {Passwords.MinLength} characters.", nameof(password));
        }

        await RequireTenantAsync(tenant, ct).ConfigureAwait(false);
        var user = new UserRecord(name, tenant, role, Passwords.Hash(password), clock.GetUtcNow());
        return await accounts.SaveUserAsync(user, replace, ct).ConfigureAwait(false);
    }

    public async ValueTask<Caller?> AuthenticateKeyAsync(string key, CancellationToken ct)
    {
        if (ApiKeys.IdOf(key) is not { } id || await accounts.FindApiKeyAsync(id, ct).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        return ApiKeys.Matches(key, record) ? new Caller(record.Tenant, record.Role, "apikey:" + record.Id) : null;
    }

    public async ValueTask<Caller?> AuthenticatePasswordAsync(string name, string password, CancellationToken ct)
    {
        var user = IsValidName(name) ? await accounts.FindUserAsync(name, ct).ConfigureAwait(false) : null;
        if (user is null)
        {
            Passwords.VerifyDecoy(password);
            return null;
        }

        return Passwords.Verify(password, user.PasswordHash) ? new Caller(user.Tenant, user.Role, "user:" + user.Name) : null;
    }

    private async ValueTask RequireTenantAsync(string tenant, CancellationToken ct)
    {
        if (!await ledger.TenantExistsAsync(tenant, ct).ConfigureAwait(false))
        {
            throw new ArgumentException($"There is no tenant \"{tenant}\". Create it with: fapiao tenant create {tenant}", nameof(tenant));
        }
    }

    private static void CheckName(string name, string what)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"\"{name}\" is not a {what} name: use 1–63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(name));
        }
    }
}
