using System.Security.Cryptography;

namespace Fapiao.Ledger.Signing;

/// <summary>
/// The ledger's key pair on disk: a PKCS#8 PEM private key readable by its owner only, and the
/// SubjectPublicKeyInfo PEM public key beside it.
/// </summary>
internal static class SigningKeyFile
{
    public const string PrivateName = "signing-key.pem";
    public const string PublicName = "signing-key.pub.pem";

    /// <summary>Creates the key pair unless one exists; returns true when it made one.</summary>
    public static bool EnsureCreated(string keyDirectory)
    {
        Directory.CreateDirectory(keyDirectory);
        var privatePath = Path.Combine(keyDirectory, PrivateName);
        if (File.Exists(privatePath))
        {
            return false;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Created with owner-only permissions from the first byte, not tightened afterwards.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(privatePath, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(Path.Combine(keyDirectory, PublicName), key.ExportSubjectPublicKeyInfoPem());
        return true;
    }

    public static CheckpointSigner Load(string keyDirectory)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(keyDirectory, PrivateName)));
        return new CheckpointSigner(key);
    }

    public static ECDsa LoadPublic(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }
}
