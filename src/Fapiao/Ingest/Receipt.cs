namespace Fapiao.Ingest;

/// <summary>
/// Proof that the ledger accepted an invoice: the event bytes, their leaf index, an inclusion proof
/// to a tree head, and that head signed. Anyone can check it offline with the ledger's public key.
/// </summary>
internal sealed record Receipt(
    string Tenant,
    string Key,
    string ContentHash,
    long LeafIndex,
    byte[] Event,
    byte[] LeafHash,
    long TreeSize,
    byte[] RootHash,
    IReadOnlyList<byte[]> InclusionProof,
    string CheckpointBody,
    byte[] CheckpointSignature);
