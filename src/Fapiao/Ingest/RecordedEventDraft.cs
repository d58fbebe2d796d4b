using System.Globalization;
using System.Text;
using Fapiao.Ledger.Events;

namespace Fapiao.Ingest;

/// <summary>
/// The <c>recorded</c> event a valid submission becomes if its key is new, encoded before the
/// writer decides, on whichever thread prepares the item: the single writer then only writes the
/// batch's time into it (<see cref="WithTime"/>) instead of encoding it. The time is the one part
/// the writer alone knows; it has a fixed width, so it is written in place. The writer uses a
/// draft only where the event it would encode is this one (same tenant and actor, no problem
/// added by the batch); otherwise it encodes as before.
/// </summary>
internal sealed class RecordedEventDraft
{
    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int AtLength = 24;

    // Any valid time: it is overwritten.
    private static readonly DateTimeOffset Placeholder = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly byte[] bytes;
    private readonly int atOffset;

    private RecordedEventDraft(string tenant, string actor, string key, byte[] bytes, int atOffset)
    {
        Tenant = tenant;
        Actor = actor;
        Key = key;
        this.bytes = bytes;
        this.atOffset = atOffset;
    }

    public string Tenant { get; }

    public string Actor { get; }

    /// <summary>The invoice key as text, made once here rather than by the writer.</summary>
    public string Key { get; }

    /// <summary>The draft of <paramref name="item"/>'s <c>recorded</c> event in <paramref name="tenant"/>, or null for an item that cannot be recorded as it is.</summary>
    public static RecordedEventDraft? For(string tenant, WriteItem item)
    {
        var submission = item.Submission;
        if (submission.Invoice is not { } invoice || submission.CanonicalBytes is not { } canonical || submission.ContentHash is not { } hash)
        {
            return null;
        }

        var key = submission.Key ?? invoice.Key.ToString();
        var e = Event(tenant, key, Placeholder, item, invoice, canonical, hash, Warnings(submission.Problems));
        var encoded = EventCodec.Encode(e);
        var offset = encoded.AsSpan().IndexOf(",\"at\":\""u8);
        if (offset < 0)
        {
            throw new InvalidOperationException("An encoded event has no time.");
        }

        return new RecordedEventDraft(tenant, item.Actor, key, encoded, offset + 7);
    }

    /// <summary>The event that <see cref="TenantBatch"/> records for a new key: built here and there alike.</summary>
    public static LedgerEvent Event(string tenant, string key, DateTimeOffset at, WriteItem item, Domain.Invoice invoice, ReadOnlyMemory<byte> canonical, string contentHash, IReadOnlyList<Validation.Problem> warnings) => new()
    {
        Kind = EventKinds.Recorded,
        Tenant = tenant,
        Key = key,
        At = at,
        Actor = item.Actor,
        Source = item.Submission.Source,
        Original = item.Submission.Original,
        ContentHash = contentHash,
        Invoice = invoice,
        InvoiceBytes = canonical,
        Warnings = warnings,
    };

    /// <summary>The warnings an event carries: the problems that are not errors.</summary>
    public static IReadOnlyList<Validation.Problem> Warnings(List<Validation.Problem> problems) =>
        problems.Count == 0 ? [] : problems.Where(p => !p.IsError).ToList();

    /// <summary>The event's time as the event bytes carry it (UTF-8), for <see cref="WithTime"/>.</summary>
    public static byte[] FormatTime(DateTimeOffset at)
    {
        Span<char> text = stackalloc char[32];
        if (!at.UtcDateTime.TryFormat(text, out var length, AtFormat, CultureInfo.InvariantCulture) || length != AtLength)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "The time does not fit the event's fixed-width form.");
        }

        return Encoding.ASCII.GetBytes(text[..length].ToArray());
    }

    /// <summary>
    /// The event's bytes with <paramref name="time"/> (from <see cref="FormatTime"/>) as its time:
    /// the bytes <see cref="EventCodec.Encode"/> gives for the event with that time. Written in
    /// place: the draft belongs to one item of one batch, and a batch that is tried again writes its
    /// own time again.
    /// </summary>
    public byte[] WithTime(byte[] time)
    {
        time.CopyTo(bytes.AsSpan(atOffset, AtLength));
        return bytes;
    }
}
