using System.Text.Json;

namespace Fapiao.Reconciliation;

/// <summary>
/// The JSON of a result, the contract of <c>fapiao reconcile --json</c> and of the API:
/// <c>{"left":{"name","count",…},"right":{…},"matched":N,"missingInLedger":[{"key",…}],
/// "missingInOther":[…],"mismatched":[{"key","fields":[{"field","left","right"}]}],
/// "duplicates":[{"key","left":[…],"right":[…]}],"suggestions":[{"left","right","reason"}]}</c>,
/// plus <c>unreadable</c> rows and, for a kept run, its <c>run</c> id. A field a row does not
/// state is left out of it.
/// </summary>
internal static class ReconciliationJson
{
    public static void Write(Utf8JsonWriter w, ReconciliationResult result, long? runId = null)
    {
        w.WriteStartObject();
        Side(w, "left", result.Left);
        Side(w, "right", result.Right);
        if (result.Period is { } period)
        {
            w.WriteString("period", period.ToString());
        }

        if (runId is { } id)
        {
            w.WriteNumber("run", id);
        }

        w.WriteBoolean("agrees", result.Agrees);
        w.WriteNumber("matched", result.Matched);
        Rows(w, "missingInLedger", result.MissingInLedger);
        Rows(w, "missingInOther", result.MissingInOther);
        w.WriteStartArray("mismatched");
        foreach (var m in result.Mismatched)
        {
            w.WriteStartObject();
            w.WriteString("key", m.Key);
            w.WriteStartArray("fields");
            foreach (var f in m.Fields)
            {
                w.WriteStartObject();
                w.WriteString("field", f.Field);
                w.WriteString("left", f.Left);
                w.WriteString("right", f.Right);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("leftSource", m.Left.Source);
            w.WriteString("rightSource", m.Right.Source);
            w.WriteEndObject();
            Pass(w);
        }

        w.WriteEndArray();
        w.WriteStartArray("duplicates");
        foreach (var d in result.Duplicates)
        {
            w.WriteStartObject();
            w.WriteString("key", d.Key);
            Rows(w, "left", d.Left);
            Rows(w, "right", d.Right);
            w.WriteEndObject();
            Pass(w);
        }

        w.WriteEndArray();
        w.WriteStartArray("suggestions");
        foreach (var s in result.Suggestions)
        {
            w.WriteStartObject();
            w.WriteString("left", s.Left);
            w.WriteString("right", s.Right);
            w.WriteString("reason", s.Reason);
            w.WriteString("detail", s.Detail);
            w.WriteEndObject();
            Pass(w);
        }

        w.WriteEndArray();
        if (result.SuggestionsSkipped)
        {
            w.WriteBoolean("suggestionsSkipped", true);
        }

        w.WriteStartArray("unreadable");
        foreach (var u in result.Unreadable)
        {
            w.WriteStartObject();
            w.WriteString("side", u.Side);
            w.WriteString("source", u.Source);
            w.WriteString("code", u.Code);
            w.WriteString("message", u.Message);
            w.WriteEndObject();
            Pass(w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Row(Utf8JsonWriter w, ReconRecord r)
    {
        w.WriteStartObject();
        w.WriteString("key", r.Key);
        w.WriteString("source", r.Source);
        foreach (var (name, value) in ReportRows.Fields(r))
        {
            if (value is not null)
            {
                w.WriteString(name, value);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Hands what is written so far on to the stream or pipe under the writer, so that a result with
    /// many differences is not held whole in memory as JSON.
    /// </summary>
    private static void Pass(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16)
        {
            w.Flush();
        }
    }

    private static void Side(Utf8JsonWriter w, string name, ReconSide side)
    {
        w.WriteStartObject(name);
        w.WriteString("name", side.Name);
        w.WriteNumber("count", side.Count);
        w.WriteNumber("unreadable", side.Unreadable);
        w.WriteString("sha256", side.Sha256);
        w.WriteEndObject();
    }

    private static void Rows(Utf8JsonWriter w, string name, IEnumerable<ReconRecord> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            Row(w, r);
            Pass(w);
        }

        w.WriteEndArray();
    }
}
