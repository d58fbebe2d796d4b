using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// PdfPig's filters, with every Flate stream measured before it is inflated: a few kilobytes of
/// deflated zeros make gigabytes (a decompression bomb), and the default filter would allocate
/// them all. Other filters are checked after decoding (their expansion is bounded by design).
/// </summary>
internal sealed class BoundedFilterProvider : IFilterProvider
{
    /// <summary>No stream of an e-invoice (a font, a page, a scanned QR code) comes near this.</summary>
    public const int MaxDecodedBytes = 64 << 20;

    public static BoundedFilterProvider Instance { get; } = new();

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    private static IFilter[] Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new BoundedFilter(f)).ToArray();

    private sealed class BoundedFilter(IFilter inner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter)
            {
                CheckInflatedSize(input);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            return output.Length <= MaxDecodedBytes ? output : throw TooLarge();
        }

        /// <summary>Inflates into nothing, counting, and stops at the limit.</summary>
        private static void CheckInflatedSize(Memory<byte> input)
        {
            // PdfPig skips the two-byte zlib header and inflates the raw deflate data; do the same.
            if (input.Length < 2)
            {
                return;
            }

            var buffer = new byte[1 << 16];
            long total = 0;
            try
            {
                using var deflate = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
                int read;
                while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxDecodedBytes)
                    {
                        throw TooLarge();
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: the filter itself decides what it makes of it, within the limit checked after.
            }
        }

        private static InvalidOperationException TooLarge() =>
            new($"A stream decodes to more than {MaxDecodedBytes:N0} bytes (a decompression bomb?).");
    }
}
