using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Fapiao.Accounts;
using Fapiao.Formats.Json;
using Fapiao.Ledger.Signing;
using Fapiao.Ledger.Verification;
using Fapiao.Tests.Support;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>POST /api/v1/invoices and /api/v1/files: every item's outcome and receipt, as <c>fapiao ingest --results</c> writes them.</summary>
public sealed class IngestApiTests : IAsyncLifetime
{
    private TestApp app = null!;
    private HttpClient clerk = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        clerk = await app.ClientAsync("acme", Role.Clerk);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PostOne_AcceptedWithAReceiptThatVerifiesOffline()
    {
        var json = await (await clerk.PostInvoicesAsync(SomeInvoices.Json(1)[0])).ShouldBeAsync(HttpStatusCode.OK);

        json.GetProperty("accepted").GetInt32().ShouldBe(1);
        var result = json.GetProperty("results")[0];
        result.GetProperty("outcome").GetString().ShouldBe("accepted");
        result.GetProperty("errors").GetArrayLength().ShouldBe(0);
        result.GetProperty("source").GetString().ShouldStartWith("api:");
        var receipt = ReceiptJson.Read(Encoding.UTF8.GetBytes(result.GetProperty("receipt").GetRawText()));
        receipt.Key.ShouldBe(result.GetProperty("key").GetString());
        receipt.Tenant.ShouldBe("acme");
        var pem = (await (await clerk.GetAsync("/api/v1/key")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("publicKey").GetString()!;
        using var publicKey = SigningKeyFile.LoadPublic(pem);
        var check = ReceiptVerifier.Verify(receipt, publicKey, app.Ledger.Validator);
        check.Failures.ShouldBeEmpty();
        check.SignatureChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task PostArray_EveryItemItsOutcome_InInputOrder()
    {
        var invoices = SomeInvoices.Json(2);
        var body = SomeInvoices.Array([invoices[0], SomeInvoices.Broken, invoices[1], invoices[0]]);

        var json = await (await clerk.PostInvoicesAsync(body)).ShouldBeAsync(HttpStatusCode.OK);

        var results = json.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["accepted", "rejected", "accepted", "duplicate"]);
        results[1].GetProperty("quarantineId").GetInt64().ShouldBeGreaterThan(0);
        results[1].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldContain("type.unknown");
        results[1].GetProperty("receipt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        results[3].GetProperty("receipt").GetProperty("key").GetString().ShouldBe(results[0].GetProperty("key").GetString());
        (json.GetProperty("accepted").GetInt32(), json.GetProperty("rejected").GetInt32(), json.GetProperty("duplicates").GetInt32()).ShouldBe((2, 1, 1));
    }

    [Fact]
    public async Task PostJsonLines_AnswersJsonLines_OneResultPerLine()
    {
        var invoices = SomeInvoices.Json(3);
        var response = await clerk.PostAsync("/api/v1/invoices", Http.LinesBody(SomeInvoices.Lines([invoices[0], "{not json", invoices[1], invoices[2]])));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        var outcomes = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        outcomes.Select(o => o.GetProperty("outcome").GetString()).ShouldBe(["accepted", "rejected", "accepted", "accepted"]);
        outcomes.Select(o => o.GetProperty("source").GetString()!.Split(':')[^1]).ShouldBe(["1", "2", "3", "4"]);
        outcomes[1].GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("json.syntax");
    }

    [Fact]
    public async Task PostUnknownMediaType_Is415_NothingRecorded()
    {
        var response = await clerk.PostAsync("/api/v1/invoices", new StringContent(SomeInvoices.Json(1)[0], Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.mediaType");
        (await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None)).Size.ShouldBe(0);
    }

    [Fact]
    public async Task PostFiles_EveryFormat_ThroughFormatDetection()
    {
        var invoices = SomeInvoices.Json(2);
        var qr = SharedFixtures.DataLines("qr", "samples.tsv").Skip(1).Take(2).Select(l => l.Split('\t')[0]);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(SomeInvoices.Lines(invoices))), "file", "batch.jsonl" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", qr) + "\n")), "file", "scans.txt" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "shudian-special-2024.ofd"))), "file", "../../etc/invoice.ofd" },
            { new ByteArrayContent("%PDF-1.7 not really"u8.ToArray()), "file", "broken.pdf" },
        };

        var json = await (await clerk.PostAsync("/api/v1/files", form)).ShouldBeAsync(HttpStatusCode.OK);

        var results = json.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(6);
        results.Take(4).Select(r => r.GetProperty("outcome").GetString()).ShouldAllBe(o => o == "accepted");
        // The OFD invoice is the second QR sample's: its full content enriches the record the QR scan made.
        results[4].GetProperty("outcome").GetString().ShouldBe("enriched");
        results[4].GetProperty("key").GetString().ShouldBe(results[3].GetProperty("key").GetString());
        results.Select(r => r.GetProperty("source").GetString()!).ShouldBe(
            ["batch.jsonl:1", "batch.jsonl:2", "scans.txt:1", "scans.txt:2", results[4].GetProperty("source").GetString()!, "broken.pdf"]);
        results[4].GetProperty("source").GetString()!.ShouldStartWith("invoice.ofd");
        results[5].GetProperty("outcome").GetString().ShouldBe("rejected");
        results[5].GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("pdf.unreadable");
    }

    [Fact]
    public async Task PostFiles_KeepsEachUploadedFile_AndEventsAndQuarantineNameIt()
    {
        var ofd = await File.ReadAllBytesAsync(SharedFixtures.PathOf("ofd", "shudian-special-2024.ofd"));
        var broken = "%PDF-1.7 not really"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(ofd), "file", "invoice.ofd" },
            { new ByteArrayContent(broken), "file", "broken.pdf" },
        };

        var json = await (await clerk.PostAsync("/api/v1/files", form)).ShouldBeAsync(HttpStatusCode.OK);

        var key = json.GetProperty("results")[0].GetProperty("key").GetString()!;
        var events = await app.Ledger.Store.ReadEventsForKeyAsync("acme", key, CancellationToken.None).ToListAsync();
        var original = Fapiao.Ledger.Events.EventCodec.Decode(events.Single().Bytes, validator: null).Original.ShouldNotBeNull();
        original.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ofd)));
        var kept = Fapiao.Originals.OriginalStore.In(app.DataDir, "acme");
        (await File.ReadAllBytesAsync(kept.PathOf(original.Sha256))).ShouldBe(ofd);

        var quarantined = (await app.Ledger.Store.ListQuarantineAsync("acme", CancellationToken.None).ToListAsync()).Single();
        quarantined.Original.ShouldNotBeNull().Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(broken)));
        (await File.ReadAllBytesAsync(kept.PathOf(quarantined.Original!.Sha256))).ShouldBe(broken);
    }

    [Fact]
    public async Task PostFiles_NotMultipart_Is415()
    {
        var response = await clerk.PostAsync("/api/v1/files", Http.JsonBody(SomeInvoices.Json(1)[0]));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.mediaType");
    }

    [Fact]
    public async Task PostFiles_MalformedMultipart_Is400()
    {
        var content = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await clerk.PostAsync("/api/v1/files", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
    }
}
