using Fapiao.Demo;
using Fapiao.Formats.Json;
using Fapiao.Formats.Lines;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Events;
using Fapiao.Originals;
using Fapiao.Tests.Support;
using Fapiao.Validation;

namespace Fapiao.Tests.Ingest;

public sealed class RecordedEventDraftTests
{
    private static readonly SubmissionReader Reader = new(new InvoiceValidator(FixedClock.Default));

    private static IEnumerable<WriteItem> Items(int count, int seed)
    {
        using var lines = new MemoryStream();
        DemoInvoices.WriteJsonLines(new DemoInvoices(seed, new DateOnly(2026, 11, 28)).Generate(count), lines);
        lines.Position = 0;
        foreach (var line in LineReader.Read(lines))
        {
            var n = line.Number;
            var submission = Reader.FromJson($"demo.jsonl:{n}", line.Bytes);
            submission.Original = new OriginalRef(new string('a', 64), $"line:{n}");
            yield return new WriteItem(submission, n % 2 == 0 ? "cli" : "api:key-1");
        }
    }

    [Theory]
    [InlineData(2026, 11, 28, 10, 0, 0, 0)]
    [InlineData(2026, 1, 1, 0, 0, 0, 999)]
    [InlineData(9999, 12, 31, 23, 59, 59, 5)]
    public void WithTime_AnyTime_GivesTheBytesTheCodecEncodes(int y, int mo, int d, int h, int mi, int s, int ms)
    {
        var at = new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.Zero);
        foreach (var item in Items(20, seed: y + ms))
        {
            var draft = RecordedEventDraft.For("acme", item).ShouldNotBeNull();
            var submission = item.Submission;
            var e = RecordedEventDraft.Event("acme", draft.Key, at, item, submission.Invoice!, submission.CanonicalBytes!,
                CanonicalInvoiceJson.ContentHash(submission.CanonicalBytes!), RecordedEventDraft.Warnings(submission.Problems));

            draft.WithTime(RecordedEventDraft.FormatTime(at)).ShouldBe(EventCodec.Encode(e));
            draft.Key.ShouldBe(submission.Invoice!.Key.ToString());
        }
    }

    [Fact]
    public void WithTime_CalledAgainWithAnotherTime_HoldsOnlyTheLatest()
    {
        var item = Items(1, seed: 7).Single();
        var draft = RecordedEventDraft.For("acme", item).ShouldNotBeNull();
        var later = new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

        draft.WithTime(RecordedEventDraft.FormatTime(later.AddHours(-1)));
        var bytes = draft.WithTime(RecordedEventDraft.FormatTime(later));

        EventCodec.Decode(bytes, validator: null).At.ShouldBe(later);
    }

    [Fact]
    public void For_ARejectedSubmission_IsNull()
    {
        var rejected = Reader.FromJson("bad.jsonl:1", "{\"number\":\"1\"}"u8.ToArray());

        RecordedEventDraft.For("acme", new WriteItem(rejected, "cli")).ShouldBeNull();
    }
}
