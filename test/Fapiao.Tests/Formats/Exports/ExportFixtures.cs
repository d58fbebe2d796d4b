using System.Text;
using Fapiao.Formats.Exports;

namespace Fapiao.Tests.Formats.Exports;

/// <summary>The platform export fixture (title rows, shuffled and extra columns) and its JSON twins, in each encoding a platform writes.</summary>
internal static class ExportFixtures
{
    public const string Csv = "platform-export.csv";
    public const string JsonTwins = "platform-export.jsonl";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Formats", "Exports", "Fixtures", name);

    /// <summary>The CSV fixture's bytes: <c>utf-8</c>, <c>utf-8-bom</c> or <c>gb18030</c>.</summary>
    public static byte[] CsvBytes(string encoding)
    {
        var text = File.ReadAllText(PathOf(Csv), Encoding.UTF8);
        return encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
            "gb18030" => ExportEncoding.Gb18030.GetBytes(text),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
    }

    public static IReadOnlyList<byte[]> JsonTwinLines() =>
        [.. File.ReadAllLines(PathOf(JsonTwins), Encoding.UTF8).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes)];
}
