using Fapiao.Ingest.Inputs;

namespace Fapiao.Originals;

/// <summary>The place of an item in its original, from the item's source (<c>NAME:SUFFIX</c>) and the file's format.</summary>
internal static class OriginalPlaces
{
    public const string WholeFile = "file";

    public static string Of(InputFormat format, string name, string source)
    {
        var suffix = source.Length > name.Length && source.StartsWith(name, StringComparison.Ordinal) && source[name.Length] == ':'
            ? source[(name.Length + 1)..]
            : null;
        return format switch
        {
            InputFormat.JsonLines or InputFormat.Json or InputFormat.Qr when suffix is not null => "line:" + suffix,
            InputFormat.Csv or InputFormat.Xlsx when suffix is not null => "row:" + suffix,
            InputFormat.Ofd when suffix is not null => "entry:" + suffix,
            InputFormat.Xml => "xpath:/",
            _ => WholeFile,
        };
    }
}
