using System.Security.Cryptography;

namespace Fapiao.Formats.Lines;

/// <summary>
/// Collects the bytes of one line or record with bounded memory: past <c>maxBytes</c> only the
/// first bytes are kept and the rest is hashed as it streams past, so the full length and SHA-256
/// of an over-long item are still known.
/// </summary>
internal sealed class BoundedRecord(int maxBytes) : IDisposable
{
    private readonly MemoryStream _bytes = new();
    private IncrementalHash? _overflow;
    private long _overflowLength;

    /// <summary>3 when the input starts with a UTF-8 byte order mark (dropped by the readers), else 0.</summary>
    public static int ByteOrderMarkLength(ReadOnlySpan<byte> start) => start.StartsWith("\uFEFF"u8) ? 3 : 0;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_overflow is null && _bytes.Length + chunk.Length <= maxBytes)
        {
            _bytes.Write(chunk);
            return;
        }

        if (_overflow is null)
        {
            _overflow = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _overflow.AppendData(_bytes.GetBuffer(), 0, (int)_bytes.Length);
            _overflowLength = _bytes.Length;
            _bytes.Write(chunk[..(maxBytes - (int)_bytes.Length)]);
        }

        _overflow.AppendData(chunk);
        _overflowLength += chunk.Length;
    }

    /// <summary>
    /// The item collected so far, numbered <paramref name="number"/>, and a fresh start; a trailing
    /// CR is dropped, and a blank item (spaces, tabs, CRs) gives null.
    /// </summary>
    public RawLine? Finish(long number)
    {
        RawLine? result = null;
        if (_overflow is not null)
        {
            result = new RawLine(number, _bytes.ToArray(), _overflowLength, _overflow.GetHashAndReset());
            _overflow.Dispose();
            _overflow = null;
        }
        else
        {
            var bytes = _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
            if (bytes.EndsWith("\r"u8))
            {
                bytes = bytes[..^1];
            }

            if (!bytes.Trim(" \t\r"u8).IsEmpty)
            {
                result = new RawLine(number, bytes.ToArray(), bytes.Length, null);
            }
        }

        _bytes.SetLength(0);
        return result;
    }

    public void Dispose()
    {
        _overflow?.Dispose();
        _bytes.Dispose();
    }
}
