using System.Text;
using Fapiao.Demo;
using Fapiao.Formats.Json;

namespace Fapiao.Web.Tests.Support;

/// <summary>Valid invoices (the demo generator's), as the JSON a client posts; a seed gives its own keys.</summary>
internal static class SomeInvoices
{
    private static int nextSeed = 1000;

    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static IReadOnlyList<string> Json(int count, int? seed = null) =>
        new DemoInvoices(seed ?? Interlocked.Increment(ref nextSeed), Today).Generate(count)
            .Select(i => Encoding.UTF8.GetString(CanonicalInvoiceJson.ToBytes(i)))
            .ToList();

    public static string Array(IEnumerable<string> invoices) => "[" + string.Join(",", invoices) + "]";

    public static string Lines(IEnumerable<string> invoices) => string.Join("\n", invoices) + "\n";

    /// <summary>An item every validator rejects (bad type, an impossible date, fractional fen).</summary>
    public const string Broken = """{"number":"12345","type":"99","issueDate":"2024-02-30","amount":"1.234"}""";
}
