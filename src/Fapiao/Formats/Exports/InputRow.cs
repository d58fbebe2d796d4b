using Fapiao.Validation;

namespace Fapiao.Formats.Exports;

/// <summary>
/// One item of an input read into a draft, not yet validated: its place (a row or line number),
/// the bytes it came as (kept verbatim for quarantine; when longer than the reader's limit, the
/// first bytes with the full length and SHA-256), and the draft, or null when the item could not
/// be read into one (the problems say why).
/// </summary>
internal sealed record InputRow(long Number, byte[] Raw, long RawLength, byte[]? RawSha256, InvoiceDraft? Draft, List<Problem> Problems);
