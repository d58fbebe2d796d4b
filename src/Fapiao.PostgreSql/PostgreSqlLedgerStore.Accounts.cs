using Fapiao.Accounts;
using Npgsql;

namespace Fapiao.PostgreSql;

internal sealed partial class PostgreSqlLedgerStore
{
    public async ValueTask<bool> AddApiKeyAsync(ApiKeyRecord key, CancellationToken ct)
    {
        await using var cmd = Command("INSERT INTO api_keys (id, tenant, role, key_sha256, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING;");
        cmd.Parameters.Add(PostgreSqlRows.Text(key.Id));
        cmd.Parameters.Add(PostgreSqlRows.Text(key.Tenant));
        cmd.Parameters.Add(PostgreSqlRows.Text(key.Role.ToText()));
        cmd.Parameters.Add(PostgreSqlRows.Bytes(key.KeySha256));
        cmd.Parameters.Add(PostgreSqlRows.Time(key.CreatedAt));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async ValueTask<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken ct) =>
        (await ReadApiKeysAsync("id = $1", id, ct).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string tenant, CancellationToken ct) =>
        await ReadApiKeysAsync("tenant = $1", tenant, ct).ConfigureAwait(false);

    public async ValueTask<bool> SaveUserAsync(UserRecord user, bool replace, CancellationToken ct)
    {
        await using var cmd = Command("INSERT INTO users (name, tenant, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO "
            + (replace ? "UPDATE SET tenant = excluded.tenant, role = excluded.role, password_hash = excluded.password_hash;" : "NOTHING;"));
        cmd.Parameters.Add(PostgreSqlRows.Text(user.Name));
        cmd.Parameters.Add(PostgreSqlRows.Text(user.Tenant));
        cmd.Parameters.Add(PostgreSqlRows.Text(user.Role.ToText()));
        cmd.Parameters.Add(PostgreSqlRows.Text(user.PasswordHash));
        cmd.Parameters.Add(PostgreSqlRows.Time(user.CreatedAt));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async ValueTask<UserRecord?> FindUserAsync(string name, CancellationToken ct) =>
        (await ReadUsersAsync("name = $1", name, ct).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<UserRecord>> ListUsersAsync(string tenant, CancellationToken ct) =>
        await ReadUsersAsync("tenant = $1", tenant, ct).ConfigureAwait(false);

    private async Task<List<ApiKeyRecord>> ReadApiKeysAsync(string where, string value, CancellationToken ct)
    {
#pragma warning disable CA2100 // the condition is one of two constants; the value is a parameter
        await using var cmd = Command($"SELECT id, tenant, role, key_sha256, created_at FROM api_keys WHERE {where} ORDER BY id;");
#pragma warning restore CA2100
        cmd.Parameters.Add(PostgreSqlRows.Text(value));
        var list = new List<ApiKeyRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new ApiKeyRecord(r.GetString(0), r.GetString(1), ParseRole(r.GetString(2)), r.GetFieldValue<byte[]>(3), PostgreSqlRows.ReadTime(r, 4)));
        }

        return list;
    }

    private async Task<List<UserRecord>> ReadUsersAsync(string where, string value, CancellationToken ct)
    {
#pragma warning disable CA2100 // the condition is one of two constants; the value is a parameter
        await using var cmd = Command($"SELECT name, tenant, role, password_hash, created_at FROM users WHERE {where} ORDER BY name;");
#pragma warning restore CA2100
        cmd.Parameters.Add(PostgreSqlRows.Text(value));
        var list = new List<UserRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new UserRecord(r.GetString(0), r.GetString(1), ParseRole(r.GetString(2)), r.GetString(3), PostgreSqlRows.ReadTime(r, 4)));
        }

        return list;
    }

    private static Role ParseRole(string text) =>
        Roles.TryParse(text, out var role) ? role : throw new FormatException($"The stored role \"{text}\" is unknown.");
}
