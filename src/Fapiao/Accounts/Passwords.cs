using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fapiao.Accounts;

/// <summary>
/// Password hashes: PBKDF2-HMAC-SHA256 with a 16-byte random salt and 600,000 iterations (the
/// OWASP 2023 figure), stored as "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64) so the count can
/// rise later without breaking stored hashes.
/// </summary>
internal static class Passwords
{
    public const int Iterations = 600_000;
    public const int MinLength = 8;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>A hash of a password nobody has, to spend the same time on an unknown login.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public static string Hash(string password, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification, so that an unknown name answers as slowly as a wrong password.</summary>
    public static void VerifyDecoy(string password) => Verify(password, Decoy.Value);

    /// <summary>A random password for generated accounts (the demo user): 18 bytes, base64url.</summary>
    public static string Random() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
