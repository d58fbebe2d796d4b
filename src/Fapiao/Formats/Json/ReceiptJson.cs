using System.Text.Json;
using Fapiao.Ingest;

namespace Fapiao.Formats.Json;

/// <summary>
/// The receipt's JSON contract: {"tenant","key","contentHash","leafIndex","event","leafHash",
/// "treeSize","rootHash","inclusionProof":[…],"checkpoint":{"body","signature"}}; bytes in base64.
/// </summary>
internal static class ReceiptJson
{
    public static void Write(Utf8JsonWriter w, Receipt r)
    {
        w.WriteStartObject();
        w.WriteString("tenant", r.Tenant);
        w.WriteString("key", r.Key);
        w.WriteString("contentHash", r.ContentHash);
        w.WriteNumber("leafIndex", r.LeafIndex);
        w.WriteBase64String("event", r.Event);
        w.WriteBase64String("leafHash", r.LeafHash);
        w.WriteNumber("treeSize", r.TreeSize);
        w.WriteBase64String("rootHash", r.RootHash);
        WriteHashes(w, "inclusionProof", r.InclusionProof);
        w.WriteStartObject("checkpoint");
        w.WriteString("body", r.CheckpointBody);
        w.WriteBase64String("signature", r.CheckpointSignature);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A proof as the contract writes it: an array of base64 hashes.</summary>
    public static void WriteHashes(Utf8JsonWriter w, string name, IReadOnlyList<byte[]> hashes)
    {
        w.WriteStartArray(name);
        foreach (var hash in hashes)
        {
            w.WriteBase64StringValue(hash);
        }

        w.WriteEndArray();
    }

    /// <summary>Reads a receipt; throws <see cref="FormatException"/> naming the first missing or malformed field.</summary>
    public static Receipt Read(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            var checkpoint = Field(root, "checkpoint");
            return new Receipt(
                String(root, "tenant"),
                String(root, "key"),
                String(root, "contentHash"),
                Field(root, "leafIndex").GetInt64(),
                Field(root, "event").GetBytesFromBase64(),
                Field(root, "leafHash").GetBytesFromBase64(),
                Field(root, "treeSize").GetInt64(),
                Field(root, "rootHash").GetBytesFromBase64(),
                Field(root, "inclusionProof").EnumerateArray().Select(e => e.GetBytesFromBase64()).ToList(),
                String(checkpoint, "body"),
                Field(checkpoint, "signature").GetBytesFromBase64());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException("Not a receipt: " + ex.Message, ex);
        }
    }

    private static JsonElement Field(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value : throw new FormatException($"The receipt has no \"{name}\".");

    private static string String(JsonElement e, string name) =>
        Field(e, name).GetString() ?? throw new FormatException($"The receipt's \"{name}\" is null.");
}
