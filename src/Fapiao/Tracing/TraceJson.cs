using System.Text.Json;

namespace Fapiao.Tracing;

/// <summary>
/// The JSON of a trace answer (<c>fapiao trace --json</c>, the API):
/// <c>{"key","found","cause","explanations":[{"cause","summary","nextStep","evidence":[{"kind","cite","source","at","detail"}]}]}</c>;
/// <c>cause</c> is the first (most likely) explanation's.
/// </summary>
internal static class TraceJson
{
    public static void Write(Utf8JsonWriter w, TraceAnswer answer)
    {
        w.WriteStartObject();
        w.WriteString("key", answer.Key);
        w.WriteBoolean("found", answer.Found);
        w.WriteString("cause", answer.Explanations[0].Cause);
        w.WriteStartArray("explanations");
        foreach (var e in answer.Explanations)
        {
            w.WriteStartObject();
            w.WriteString("cause", e.Cause);
            w.WriteString("summary", e.Summary);
            w.WriteString("nextStep", e.NextStep);
            w.WriteStartArray("evidence");
            foreach (var x in e.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("kind", x.Kind);
                w.WriteString("cite", x.Cite);
                if (x.Source is not null)
                {
                    w.WriteString("source", x.Source);
                }

                if (x.Original is not null)
                {
                    w.WriteString("original", x.Original);
                }

                if (x.At is { } at)
                {
                    w.WriteString("at", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                }

                w.WriteString("detail", x.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
