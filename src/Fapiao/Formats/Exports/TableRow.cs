using Fapiao.Validation;

namespace Fapiao.Formats.Exports;

/// <summary>
/// One row of a table as its reader (CSV or XLSX) read it: where it is, the bytes it came as, and
/// its cells, or null with the problem when the row could not be read at all (too long, not
/// decodable).
/// </summary>
internal sealed record TableRow(long Number, byte[] Raw, long RawLength, byte[]? RawSha256, IReadOnlyList<ExportCell>? Cells, List<Problem> Problems);
