using System.Globalization;
using System.Text;

namespace Fapiao.Ledger.Signing;

/// <summary>
/// The C2SP tlog-checkpoint body: origin line, tree size, base64 root hash, then one extension
/// line with the signing time. Every line ends in a newline; the signature covers these UTF-8 bytes.
/// </summary>
internal sealed record CheckpointBody(string Origin, long Size, byte[] Root, DateTimeOffset At)
{
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(Origin).Append('\n');
        sb.Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(Convert.ToBase64String(Root)).Append('\n');
        sb.Append("time ").Append(At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    public static bool TryParse(string text, out CheckpointBody? body)
    {
        body = null;
        if (!text.EndsWith('\n'))
        {
            return false;
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines[0].Length == 0)
        {
            return false;
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return false;
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (root.Length != 32)
        {
            return false;
        }

        var at = DateTimeOffset.MinValue;
        foreach (var extension in lines.Skip(3))
        {
            if (extension.StartsWith("time ", StringComparison.Ordinal)
                && DateTimeOffset.TryParse(extension[5..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                at = parsed;
            }
        }

        body = new CheckpointBody(lines[0], size, root, at);
        return true;
    }
}
