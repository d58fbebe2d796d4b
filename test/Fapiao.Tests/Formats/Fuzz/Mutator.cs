using System.IO.Compression;
using System.Text;
using Fapiao.Tests.Formats.Ofd;

namespace Fapiao.Tests.Formats.Fuzz;

/// <summary>
/// Random, coverage-free mutations of seed files: byte-level edits of any input, and for zips
/// structure-aware ones (an XML part edited, parts dropped, renamed or duplicated, then zipped
/// again), so that mutants get past the CRC checks into the XML readers. Deterministic for a seed.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<", ">", "</", "/>", "&", "&amp;", "&#x0;", "&#x85;", "&#55296;", "<!DOCTYPE a [<!ENTITY x \"y\">]>", "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"GBK\"?>",
            "xmlns:=\"\"", "ofd:", ":", "\"", "'", "=", " ", "\n", "\0", "-", ".", "0", "9", "¥", "年", "月", "日", "%", "99999999999999999999",
            "0.000000", "-0.00", "1e309", "ObjectRef", "TextObject", "TextCode", "InvoiceNo", "GoodsInfo", "LabelCode", "N", "../", "/",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xC3, 0x28], [0x80], [0xF0, 0x9F, 0x98],
    ];

    private readonly Random random = new(seed);

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> others)
    {
        if (IsZip(input) && random.Next(4) != 0)
        {
            return MutateZip(input, others);
        }

        var result = input;
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            result = MutateBytes(result, others);
        }

        return result;
    }

    private byte[] MutateBytes(byte[] input, IReadOnlyList<byte[]> others)
    {
        var data = new List<byte>(input);
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(9))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data.Insert(at, (byte)random.Next(256));
                break;
            case 2 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                break;
            case 3 when data.Count > 0:
                var length = Math.Min(data.Count - at, 1 + random.Next(256));
                var copy = data.GetRange(at, length);
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    data.InsertRange(random.Next(data.Count), copy);
                }

                break;
            case 4:
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 5 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            case 6 when others.Count > 0:
                var other = others[random.Next(others.Count)];
                var from = other.Length == 0 ? 0 : random.Next(other.Length);
                data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(512))).ToArray());
                break;
            case 7:
                // A run of the same character: deep nesting, long numbers, long names.
                var token = Tokens[random.Next(Tokens.Length)];
                for (var n = random.Next(10, 2000); n > 0; n--)
                {
                    data.InsertRange(at, token);
                }

                break;
            default:
                if (data.Count > 1)
                {
                    var a = random.Next(data.Count);
                    var b = random.Next(data.Count);
                    (data[a], data[b]) = (data[b], data[a]);
                }

                break;
        }

        return [.. data];
    }

    private byte[] MutateZip(byte[] input, IReadOnlyList<byte[]> others)
    {
        var entries = OfdFixtures.Entries(input);
        var xml = entries.Select((e, i) => (e, i)).Where(x => x.e.Name.EndsWith(".xml", StringComparison.Ordinal)).Select(x => x.i).ToList();
        switch (random.Next(10))
        {
            case 0 when entries.Count > 0:
                entries.RemoveAt(random.Next(entries.Count));
                break;
            case 1 when entries.Count > 0:
                var renamed = random.Next(entries.Count);
                entries[renamed] = (entries[renamed].Name + Encoding.UTF8.GetString(Tokens[random.Next(Tokens.Length)]), entries[renamed].Data);
                break;
            case 2 when entries.Count > 0:
                entries.Add(entries[random.Next(entries.Count)]);
                break;
            default:
                if (xml.Count > 0)
                {
                    var target = xml[random.Next(xml.Count)];
                    var data = entries[target].Data;
                    for (var n = 1 + random.Next(3); n > 0; n--)
                    {
                        data = MutateBytes(data, others);
                    }

                    entries[target] = (entries[target].Name, data);
                }

                break;
        }

        return OfdFixtures.Zip(CompressionLevel.Fastest, entries);
    }

    private static bool IsZip(byte[] input) => input.Length > 4 && input[0] == (byte)'P' && input[1] == (byte)'K';
}
