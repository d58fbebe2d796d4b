using Fapiao.Tests.Support;

namespace Fapiao.Formats.Tests.Support;

/// <summary>The real QR strings of shared/fixtures/qr/samples.tsv with the fields they must parse to.</summary>
internal static class QrSamples
{
    public sealed record Sample(string Qr, string Type, string? Code, string Number, string Amount, string Date, string? CheckCode)
    {
        public bool AmountIsTotal => Type is "31" or "32" or "33" or "34";

        public string Key => Code is null ? Number : $"{Code}-{Number}";

        public override string ToString() => Key;
    }

    public static IReadOnlyList<Sample> All { get; } = Load();

    /// <summary>A legacy electronic ordinary invoice (type 10): the QR amount is before tax.</summary>
    public static Sample Legacy => All.First(s => s.Code is not null);

    /// <summary>A 数电票 (type 31): the QR amount is the total.</summary>
    public static Sample Shudian => All.First(s => s.Code is null);

    private static List<Sample> Load() =>
        SharedFixtures.DataLines("qr", "samples.tsv").Skip(1).Select(l => l.Split('\t')).Select(f =>
            new Sample(f[0], f[1], Empty(f[2]), f[3], f[4], f[5], f.Length > 6 ? Empty(f[6]) : null)).ToList();

    private static string? Empty(string field) => field.Length == 0 ? null : field;
}
