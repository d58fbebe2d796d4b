using System.Security.Cryptography;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Validation;

namespace Fapiao.Ingest;

/// <summary>
/// One submitted item after parsing and stateless validation, with the bytes it came as (kept
/// verbatim for quarantine). <see cref="Invoice"/> is null when an error rejected it already.
/// </summary>
internal sealed class Submission
{
    /// <summary>Quarantine keeps at most this many bytes of one item; longer items keep their length and hash.</summary>
    public const int MaxKeptBytes = 1 << 20;

    public required string Source { get; init; }
    public required byte[] Raw { get; init; }
    public required long RawLength { get; init; }
    /// <summary>Set when the item was longer than <see cref="MaxKeptBytes"/>; otherwise computed from Raw when needed.</summary>
    public byte[]? RawSha256 { get; init; }
    public Invoice? Invoice { get; init; }

    /// <summary>
    /// The invoice key the item names: the valid invoice's key, or for a rejected item the key its
    /// number (and code) spell where they are well-formed (<see cref="InvoiceValidator.KeyOf"/>), so
    /// that quarantine keeps it under that key; null where they are not.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>
    /// The canonical bytes of <see cref="Invoice"/>, made where the submission is parsed, so that the
    /// single writer does not spend its time serialising.
    /// </summary>
    public byte[]? CanonicalBytes { get; init; }

    /// <summary>The content hash of <see cref="CanonicalBytes"/>, made with them for the same reason; null without them.</summary>
    public string? ContentHash { get; init; }
    public required List<Problem> Problems { get; init; }

    /// <summary>
    /// The kept original file and the place of this item in it; set by <see cref="Inputs.SubmissionReader.ReadKept"/>
    /// once the file is in the originals store, null where nothing was kept (items built in memory).
    /// </summary>
    public Originals.OriginalRef? Original { get; set; }

    /// <summary>The item's place in its file where the reader knows it better than the source says (a PDF: <c>page:N</c>).</summary>
    public string? Place { get; set; }

    /// <summary>The state the tax platform reports for the invoice, where the source carries one (platform exports).</summary>
    public PlatformStatus? PlatformStatus { get; init; }

    /// <summary>The text of <see cref="Key"/>: the invoice's key (even where other errors drop the invoice), else the claimed one.</summary>
    public static string? KeyText(Invoice? invoice, InvoiceKey? claimedKey) => (invoice?.Key ?? claimedKey)?.ToString();

    public static Submission Create(string source, byte[] raw, Invoice? invoice, List<Problem> problems, PlatformStatus? platformStatus = null, InvoiceKey? claimedKey = null) =>
        Of(source, raw, raw.LongLength, null, invoice, problems, claimedKey, platformStatus);

    /// <summary>As <see cref="Create"/>, keeping at most <see cref="MaxKeptBytes"/> of <paramref name="raw"/> with its full length and hash.</summary>
    public static Submission CreateKept(string source, byte[] raw, Invoice? invoice, List<Problem> problems, InvoiceKey? claimedKey = null) =>
        raw.Length <= MaxKeptBytes
            ? Create(source, raw, invoice, problems, claimedKey: claimedKey)
            : Of(source, raw[..MaxKeptBytes], raw.LongLength, SHA256.HashData(raw), invoice, problems, claimedKey);

    /// <summary>
    /// Every submission is made here: the invoice only where no problem is an error, the key it names
    /// (<see cref="KeyText"/>), and for a valid invoice its canonical bytes and content hash.
    /// </summary>
    /// <param name="source">Where the item came from (file and place).</param>
    /// <param name="raw">The bytes kept of the item.</param>
    /// <param name="rawLength">The item's full length (more than <paramref name="raw"/> where it was cut).</param>
    /// <param name="rawSha256">The hash of the full item where <paramref name="raw"/> was cut; otherwise null.</param>
    /// <param name="invoice">The validated invoice, if the draft could be validated.</param>
    /// <param name="problems">Every problem found.</param>
    /// <param name="claimedKey">The key a refused item names (<see cref="InvoiceValidator.KeyOf"/>).</param>
    /// <param name="platformStatus">The tax platform's state for the invoice, where the source carries one.</param>
    public static Submission Of(string source, byte[] raw, long rawLength, byte[]? rawSha256, Invoice? invoice, List<Problem> problems, InvoiceKey? claimedKey = null, PlatformStatus? platformStatus = null)
    {
        var valid = problems.Exists(p => p.IsError) ? null : invoice;
        var canonical = valid is null ? null : CanonicalInvoiceJson.ToBytes(valid);
        return new Submission
        {
            Source = source,
            Raw = raw,
            RawLength = rawLength,
            RawSha256 = rawSha256,
            Invoice = valid,
            Key = KeyText(invoice, claimedKey),
            CanonicalBytes = canonical,
            ContentHash = canonical is null ? null : CanonicalInvoiceJson.ContentHash(canonical),
            Problems = problems,
            PlatformStatus = platformStatus,
        };
    }

    public byte[] Sha256() => RawSha256 ?? SHA256.HashData(Raw);
}
