namespace Fapiao.Accounts;

/// <summary>An API key as stored: its public id, tenant and role, and the SHA-256 of the whole key (never the key).</summary>
internal sealed record ApiKeyRecord(string Id, string Tenant, Role Role, byte[] KeySha256, DateTimeOffset CreatedAt);

/// <summary>A user as stored: the login name (unique across tenants), tenant, role and the password's PBKDF2 hash.</summary>
internal sealed record UserRecord(string Name, string Tenant, Role Role, string PasswordHash, DateTimeOffset CreatedAt);
