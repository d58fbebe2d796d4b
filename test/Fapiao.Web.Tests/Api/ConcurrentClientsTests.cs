using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fapiao.Accounts;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Ledger.Signing;
using Fapiao.Sqlite;
using Fapiao.Web.Tests.Support;

namespace Fapiao.Web.Tests.Api;

/// <summary>
/// Sixteen clients post a corpus as JSON Lines in batches of 100, retrying with the same Idempotency-Key (after a
/// lost response, and two at once): the outcomes are those of the same corpus ingested as the CLI
/// does, nothing is recorded twice, and the ledger verifies.
/// </summary>
public sealed class ConcurrentClientsTests
{
    private const int Clients = 16;
    private const int BatchSize = 100;

    [Fact]
    public async Task SixteenClientsRetryingBatches_SameOutcomesAsTheCli_NoDuplicates_Verifies()
    {
        var corpus = Corpus();
        var batches = corpus.Chunk(BatchSize).Select((items, i) => (Key: $"batch-{i}", Body: SomeInvoices.Lines(items))).ToList();
        await using var app = await TestApp.StartAsync();
        var key = await app.KeyAsync("acme", Role.Clerk);

        // Every fifth batch is queued twice: two clients send it at once with the same key.
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, batches.Count).SelectMany(i => i % 5 == 0 ? new[] { i, i } : [i]));
        var firstAnswers = new ConcurrentDictionary<int, byte[]>();
        var sent = 0;
        async Task ClientAsync()
        {
            var client = app.ClientWithKey(key);
            while (queue.TryDequeue(out var index))
            {
                var answer = await SendUntilAnsweredAsync(client, batches[index]);
                Interlocked.Increment(ref sent);
                if (!firstAnswers.TryAdd(index, answer))
                {
                    answer.ShouldBe(firstAnswers[index], $"batch {index} answered differently the second time");
                }

                if (index % 3 == 0)
                {
                    // The response was "lost": the client sends the same batch again.
                    (await SendUntilAnsweredAsync(client, batches[index])).ShouldBe(firstAnswers[index], $"batch {index} retry");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)));

        var overHttp = firstAnswers.OrderBy(kv => kv.Key)
            .SelectMany(kv => Encoding.UTF8.GetString(kv.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Select(r => (Key: r.GetProperty("key").GetString(), Outcome: r.GetProperty("outcome").GetString()!)))
            .ToList();
        overHttp.Count.ShouldBe(corpus.Count);
        var viaCli = await IngestAsTheCliDoesAsync(corpus);

        Tally(overHttp).ShouldBe(Tally(viaCli));
        var head = await app.Ledger.Store.GetHeadAsync("acme", CancellationToken.None);
        head.Size.ShouldBe(viaCli.Count(r => r.Outcome == "accepted"));
        (head.NextQuarantineId - 1).ShouldBe(viaCli.Count(r => r.Outcome == "rejected"));
        var report = await app.Ledger.VerifyAsync("acme", CancellationToken.None);
        report.Failure.ShouldBeNull();
        report.Invoices.ShouldBe(viaCli.Where(r => r.Outcome == "accepted").Select(r => r.Key).Distinct().Count());
    }

    /// <summary>Posts until the service answers 200 (409: the same key is in flight; 429: the rate), returning the body.</summary>
    private static async Task<byte[]> SendUntilAnsweredAsync(HttpClient client, (string Key, string Body) batch)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/invoices") { Content = Http.LinesBody(batch.Body) };
            request.Headers.Add("Idempotency-Key", batch.Key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsByteArrayAsync();
            }

            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.TooManyRequests);
            await Task.Delay(20);
        }

        throw new TimeoutException($"{batch.Key} was never answered.");
    }

    /// <summary>3,000 valid invoices, 150 exact repeats of some of them, 90 broken items, in a fixed shuffled order.</summary>
    private static List<string> Corpus()
    {
        var valid = SomeInvoices.Json(3000, seed: 4242);
        var random = new Random(7);
        var broken = new[] { SomeInvoices.Broken, "{not json", """{"number":"24112000000000000001","type":"31","issueDate":"2024-05-01","seller":{"taxId":"91440300MA5F000000","name":"x"}}""" };
        var items = valid
            .Concat(Enumerable.Range(0, 150).Select(_ => valid[random.Next(valid.Count)]))
            .Concat(Enumerable.Range(0, 90).Select(i => broken[i % broken.Length]))
            .ToList();
        return items.OrderBy(_ => random.Next()).ToList();
    }

    /// <summary>The same items through the CLI's path (JSON Lines read by SubmissionReader, IngestRunner) on a fresh ledger.</summary>
    private static async Task<List<(string? Key, string Outcome)>> IngestAsTheCliDoesAsync(List<string> corpus)
    {
        var folder = Directory.CreateTempSubdirectory("fapiao-cli-ref-").FullName;
        try
        {
            await using var store = new SqliteLedgerStore(Path.Combine(folder, "ledger.db"));
            await store.InitializeAsync(CancellationToken.None);
            await store.CreateTenantAsync("acme", TimeProvider.System.GetUtcNow(), CancellationToken.None);
            using var signer = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
            await using var ledger = new InvoiceLedger(store, signer, TimeProvider.System);
            var reader = new SubmissionReader(ledger.Validator);
            var lines = new MemoryStream(Encoding.UTF8.GetBytes(SomeInvoices.Lines(corpus)));
            var results = new List<(string?, string)>();
            await new IngestRunner(ledger).RunAsync("acme", "cli:test", reader.Read(lines, "corpus.jsonl", InputFormat.JsonLines), false,
                (chunk, _) =>
                {
                    results.AddRange(chunk.Select(r => (r.Key, r.Outcome.ToText())));
                    return ValueTask.CompletedTask;
                }, CancellationToken.None);
            return results;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How often each (key, outcome) occurs: which of two equal items came first may differ, the counts may not.</summary>
    private static List<string> Tally(IEnumerable<(string? Key, string Outcome)> results) =>
        results.GroupBy(r => $"{r.Key ?? "-"} {r.Outcome}").Select(g => $"{g.Key} ×{g.Count()}").Order(StringComparer.Ordinal).ToList();
}
