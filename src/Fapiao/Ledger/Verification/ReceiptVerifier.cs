using System.Security.Cryptography;
using Fapiao.Formats.Json;
using Fapiao.Ingest;
using Fapiao.Ledger.Events;
using Fapiao.Ledger.Signing;
using Fapiao.Validation;

namespace Fapiao.Ledger.Verification;

/// <summary>
/// Checks a receipt offline, trusting nothing but the public key: the event bytes hash to the leaf
/// hash, the event names the receipt's tenant, key and content hash, the inclusion proof leads
/// from the leaf to the root, the checkpoint body states that size and root, and the signature
/// over the body verifies.
/// </summary>
internal static class ReceiptVerifier
{
    public sealed record Result(bool Ok, bool SignatureChecked, IReadOnlyList<string> Failures);

    public static Result Verify(Receipt r, ECDsa? publicKey, InvoiceValidator validator)
    {
        var failures = new List<string>();
        var leaf = MerkleHash.Leaf(r.Event);
        if (!leaf.AsSpan().SequenceEqual(r.LeafHash))
        {
            failures.Add("The event bytes do not hash to the receipt's leaf hash.");
        }

        try
        {
            var e = EventCodec.Decode(r.Event, validator);
            if (e.Tenant != r.Tenant || e.Key != r.Key)
            {
                failures.Add($"The event is for tenant {e.Tenant}, key {e.Key}; the receipt says {r.Tenant}, {r.Key}.");
            }

            if (e.ContentHash != r.ContentHash || (e.Invoice is { } invoice && CanonicalInvoiceJson.ContentHash(invoice) != r.ContentHash))
            {
                failures.Add("The receipt's content hash is not the hash of the invoice in the event.");
            }
        }
        catch (FormatException ex)
        {
            failures.Add("The event cannot be read: " + ex.Message);
        }

        if (!MerkleVerifier.VerifyInclusion(r.LeafIndex, r.TreeSize, leaf, r.InclusionProof, r.RootHash))
        {
            failures.Add($"The inclusion proof does not lead from leaf {r.LeafIndex} to the root of a tree of {r.TreeSize}.");
        }

        if (!CheckpointBody.TryParse(r.CheckpointBody, out var body) || body!.Size != r.TreeSize || !body.Root.AsSpan().SequenceEqual(r.RootHash))
        {
            failures.Add("The checkpoint body does not state the receipt's tree size and root.");
        }
        else if (!body.Origin.EndsWith("/" + r.Tenant, StringComparison.Ordinal))
        {
            failures.Add($"The checkpoint is for log {body.Origin}, not for tenant {r.Tenant}.");
        }

        if (publicKey is not null && !CheckpointSigner.VerifyWith(publicKey, r.CheckpointBody, r.CheckpointSignature))
        {
            failures.Add("The checkpoint signature does not verify with the given public key.");
        }

        return new Result(failures.Count == 0, publicKey is not null, failures);
    }
}
