using System.Security.Cryptography;
using System.Text;

namespace Fapiao.Accounts;

/// <summary>
/// API keys: "fpk_" + a 16-hex-digit public id + "_" + 256 random bits in base64url. Only the
/// SHA-256 of the whole key is stored; a presented key is found by its id and compared by hash in
/// constant time. A hash suffices (no slow KDF): the secret has 256 bits of entropy.
/// </summary>
internal static class ApiKeys
{
    private const string Prefix = "fpk_";

    public static (string Key, string Id, byte[] Sha256) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{Prefix}{id}_{secret}";
        return (key, id, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The public id of a well-formed key, else null.</summary>
    public static string? IdOf(string key) =>
        key.Length == Prefix.Length + 16 + 1 + 43 && key.StartsWith(Prefix, StringComparison.Ordinal) && key[Prefix.Length + 16] == '_'
            ? key.Substring(Prefix.Length, 16)
            : null;

    public static bool Matches(string key, ApiKeyRecord record) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), record.KeySha256);

    /// <summary>The key as logs may show it: its public id only.</summary>
    public static string Redact(string key) => IdOf(key) is { } id ? $"{Prefix}{id}_…" : "(malformed)";
}
