using Fapiao.Accounts;
using Microsoft.Data.Sqlite;

namespace Fapiao.Sqlite;

internal sealed partial class SqliteLedgerStore
{
    public async ValueTask<bool> AddApiKeyAsync(ApiKeyRecord key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO api_keys (id, tenant, role, key_sha256, created_at) VALUES ($id, $t, $role, $hash, $at) ON CONFLICT DO NOTHING;";
        cmd.Parameters.AddWithValue("$id", key.Id);
        cmd.Parameters.AddWithValue("$t", key.Tenant);
        cmd.Parameters.AddWithValue("$role", key.Role.ToText());
        cmd.Parameters.AddWithValue("$hash", key.KeySha256);
        cmd.Parameters.AddWithValue("$at", Times.Format(key.CreatedAt));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async ValueTask<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken ct) =>
        (await ReadApiKeysAsync("id = $v", id, ct).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string tenant, CancellationToken ct) =>
        await ReadApiKeysAsync("tenant = $v", tenant, ct).ConfigureAwait(false);

    public async ValueTask<bool> SaveUserAsync(UserRecord user, bool replace, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO users (name, tenant, role, password_hash, created_at) VALUES ($n, $t, $role, $hash, $at) ON CONFLICT (name) DO "
            + (replace ? "UPDATE SET tenant = excluded.tenant, role = excluded.role, password_hash = excluded.password_hash;" : "NOTHING;");
        cmd.Parameters.AddWithValue("$n", user.Name);
        cmd.Parameters.AddWithValue("$t", user.Tenant);
        cmd.Parameters.AddWithValue("$role", user.Role.ToText());
        cmd.Parameters.AddWithValue("$hash", user.PasswordHash);
        cmd.Parameters.AddWithValue("$at", Times.Format(user.CreatedAt));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async ValueTask<UserRecord?> FindUserAsync(string name, CancellationToken ct) =>
        (await ReadUsersAsync("name = $v", name, ct).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<UserRecord>> ListUsersAsync(string tenant, CancellationToken ct) =>
        await ReadUsersAsync("tenant = $v", tenant, ct).ConfigureAwait(false);

    private async Task<List<ApiKeyRecord>> ReadApiKeysAsync(string where, string value, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // the condition is one of two constants; the value is a parameter
        cmd.CommandText = $"SELECT id, tenant, role, key_sha256, created_at FROM api_keys WHERE {where} ORDER BY id;";
#pragma warning restore CA2100
        cmd.Parameters.AddWithValue("$v", value);
        var list = new List<ApiKeyRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new ApiKeyRecord(r.GetString(0), r.GetString(1), ParseRole(r.GetString(2)), (byte[])r[3], Times.Parse(r.GetString(4))));
        }

        return list;
    }

    private async Task<List<UserRecord>> ReadUsersAsync(string where, string value, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // the condition is one of two constants; the value is a parameter
        cmd.CommandText = $"SELECT name, tenant, role, password_hash, created_at FROM users WHERE {where} ORDER BY name;";
#pragma warning restore CA2100
        cmd.Parameters.AddWithValue("$v", value);
        var list = new List<UserRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new UserRecord(r.GetString(0), r.GetString(1), ParseRole(r.GetString(2)), r.GetString(3), Times.Parse(r.GetString(4))));
        }

        return list;
    }

    private static Role ParseRole(string text) =>
        Roles.TryParse(text, out var role) ? role : throw new FormatException($"The stored role \"{text}\" is unknown.");
}
