using System.Security.Cryptography;
using System.Text;
using Fapiao.Storage;

namespace Fapiao.Ledger.Signing;

/// <summary>
/// Signs tree heads with the ledger's ECDSA P-256 key (SHA-256, DER signature), so anyone holding
/// the public key can check a checkpoint offline, e.g. with
/// <c>openssl dgst -sha256 -verify pub.pem -signature sig.der body.txt</c>.
/// </summary>
internal sealed class CheckpointSigner(ECDsa key) : IDisposable
{
    /// <summary>A short, stable name of the key, part of every origin line so two ledgers never share one.</summary>
    public string KeyId { get; } = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 4));

    public string Origin(string tenant) => $"fapiao.ledger/{KeyId}/{tenant}";

    public string PublicKeyPem() => key.ExportSubjectPublicKeyInfoPem();

    public SignedCheckpoint Sign(string tenant, long size, byte[] root, DateTimeOffset at)
    {
        var body = new CheckpointBody(Origin(tenant), size, root, at).ToText();
        var signature = key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedCheckpoint(size, root, at, body, signature);
    }

    public bool Verify(SignedCheckpoint checkpoint) => VerifyWith(key, checkpoint.Body, checkpoint.Signature);

    public static bool VerifyWith(ECDsa publicKey, string body, byte[] signature)
    {
        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(body), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => key.Dispose();
}
