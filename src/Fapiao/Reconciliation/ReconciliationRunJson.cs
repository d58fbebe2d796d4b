using System.Globalization;
using System.Text.Json;
using Fapiao.Storage;

namespace Fapiao.Reconciliation;

/// <summary>The JSON of kept runs and differences (<c>fapiao reconcile history --json</c>, the API).</summary>
internal static class ReconciliationRunJson
{
    public static void WriteRun(Utf8JsonWriter w, ReconciliationRun run)
    {
        w.WriteStartObject();
        w.WriteNumber("id", run.Id);
        w.WriteString("at", run.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("actor", run.Actor);
        Side(w, "left", run.LeftName, run.LeftSha256, run.LeftCount);
        Side(w, "right", run.RightName, run.RightSha256, run.RightCount);
        if (run.PeriodFrom is { } from && run.PeriodTo is { } to)
        {
            w.WriteString("period", new DatePeriod(from, to).ToString());
        }

        w.WriteNumber("matched", run.Matched);
        w.WriteNumber("missingInLedger", run.MissingInLedger);
        w.WriteNumber("missingInOther", run.MissingInOther);
        w.WriteNumber("mismatched", run.Mismatched);
        w.WriteNumber("duplicates", run.Duplicates);
        w.WriteNumber("suggestions", run.Suggestions);
        w.WriteNumber("unreadable", run.Unreadable);
        w.WriteNumber("opened", run.Opened);
        w.WriteNumber("closed", run.Closed);
        w.WriteEndObject();
    }

    /// <summary>The runs (newest first) and the differences still open: <c>{"runs":[…],"open":[…]}</c>.</summary>
    public static void WriteHistory(Utf8JsonWriter w, IEnumerable<ReconciliationRun> runs, IEnumerable<KeptDifference> open)
    {
        w.WriteStartObject();
        w.WriteStartArray("runs");
        foreach (var run in runs)
        {
            WriteRun(w, run);
        }

        w.WriteEndArray();
        w.WriteStartArray("open");
        foreach (var d in open)
        {
            WriteDifference(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One run with the differences it opened or closed, each as it stands now: <c>{"run":{…},"differences":[…]}</c>.</summary>
    public static void WriteRunWithDifferences(Utf8JsonWriter w, ReconciliationRun run, IEnumerable<KeptDifference> differences)
    {
        w.WriteStartObject();
        w.WritePropertyName("run");
        WriteRun(w, run);
        w.WriteStartArray("differences");
        foreach (var d in differences)
        {
            WriteDifference(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteDifference(Utf8JsonWriter w, KeptDifference d)
    {
        w.WriteStartObject();
        w.WriteString("key", d.Key);
        w.WriteString("class", d.Class);
        if (d.IssueDate is { } date)
        {
            w.WriteString("issueDate", RecordComparer.Date(date));
        }

        w.WriteString("detail", d.Detail);
        w.WriteNumber("openedRun", d.OpenedRun);
        w.WriteNumber("lastSeenRun", d.LastSeenRun);
        w.WriteBoolean("open", d.IsOpen);
        if (d.ClosedRun is { } closed)
        {
            w.WriteNumber("closedRun", closed);
        }

        w.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter w, string name, string sideName, string sha256, long count)
    {
        w.WriteStartObject(name);
        w.WriteString("name", sideName);
        w.WriteNumber("count", count);
        w.WriteString("sha256", sha256);
        w.WriteEndObject();
    }
}
