using System.Security.Cryptography;

namespace Fapiao.Ledger.Verification;

/// <summary>
/// SHA-256 for one thread's stream of small inputs: one hashing context kept and reset instead of
/// one set up and torn down per input (what the one-shot call does), which costs about as much as
/// hashing an event itself. Gives the same hashes as <see cref="MerkleHash.Leaf(ReadOnlySpan{byte}, Span{byte})"/>
/// and <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
internal sealed class ReusableSha256 : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] prefixed = new byte[4096];

    /// <summary>SHA-256(0x00 || data): the RFC 9162 leaf hash.</summary>
    public void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        // One append of the prefixed copy is cheaper than two appends.
        if (data.Length + 1 > prefixed.Length)
        {
            prefixed = new byte[Math.Max(data.Length + 1, prefixed.Length * 2)];
        }

        prefixed[0] = 0x00;
        data.CopyTo(prefixed.AsSpan(1));
        hash.AppendData(prefixed, 0, data.Length + 1);
        hash.GetHashAndReset(destination);
    }

    /// <summary>SHA-256(data).</summary>
    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        hash.AppendData(data);
        hash.GetHashAndReset(destination);
    }

    public void Dispose() => hash.Dispose();
}
