using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fapiao.Cli.Output;

/// <summary>JSON on standard output: UTF-8, Chinese text unescaped, one document per call.</summary>
internal static class JsonOut
{
    public static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Action<Utf8JsonWriter> body)
    {
        Console.Out.Flush();
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, Indented))
        {
            body(writer);
        }

        stdout.WriteByte((byte)'\n');
        stdout.Flush();
    }
}
