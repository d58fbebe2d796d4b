using System.Buffers;
using System.Text;
using System.Text.Json;
using Fapiao.Validation;

namespace Fapiao.Formats.Json;

/// <summary>Problems as JSON: [{"code","severity","field","message"}], the shape of every interface.</summary>
internal static class ProblemsJson
{
    public static string Write(IReadOnlyList<Problem> problems, bool includeSeverity)
    {
        if (problems.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions))
        {
            WriteArray(w, problems, includeSeverity);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteArray(Utf8JsonWriter w, IReadOnlyList<Problem> problems, bool includeSeverity = true)
    {
        w.WriteStartArray();
        foreach (var p in problems)
        {
            w.WriteStartObject();
            w.WriteString("code", p.Code);
            if (includeSeverity)
            {
                w.WriteString("severity", p.Severity == Severity.Error ? "error" : "warning");
            }

            w.WriteString("field", p.Field);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static List<Problem> Read(string json)
    {
        var list = new List<Problem>();
        using var doc = JsonDocument.Parse(json);
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var severity = item.TryGetProperty("severity", out var s) && s.GetString() == "error" ? Severity.Error : Severity.Warning;
            list.Add(new Problem(
                item.GetProperty("code").GetString() ?? "",
                severity,
                item.GetProperty("field").GetString() ?? "",
                item.GetProperty("message").GetString() ?? ""));
        }

        return list;
    }
}
